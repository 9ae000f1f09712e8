package org.chartroom.core.search;

import java.util.List;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentState;

/**
 * One matching document.
 *
 * @param version  the version that matched (the latest)
 * @param sections the section types present in that version
 * @param snippets highlighted fragments ({@code <b>…</b>} around matches, the rest HTML-escaped); empty when
 *                 highlighting was off or nothing in the text matched
 */
public record SearchHit(DocumentId id, float score, DocumentMetadata metadata, DocumentState state, int version,
                        List<String> sections, List<String> snippets) {
    public SearchHit {
        sections = List.copyOf(sections);
        snippets = List.copyOf(snippets);
    }
}
