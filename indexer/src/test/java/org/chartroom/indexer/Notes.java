package org.chartroom.indexer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.Original;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Page;
import org.chartroom.core.text.Section;

/** Small made-up clinical notes for the tests. Nothing here is real patient data. */
final class Notes {
    static final Instant T0 = Instant.parse("2024-04-01T10:15:30Z");

    private Notes() {
    }

    /** A fixed id from a small number, so tests can name documents. */
    static DocumentId id(int n) {
        return new DocumentId(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", n));
    }

    static Original original() {
        return new Original("note.txt", "text/plain", 120, "ab".repeat(32), T0, "cli");
    }

    static DocumentMetadata metadata(String mrn, String name, DocumentType type, String author, LocalDate date) {
        return new DocumentMetadata(mrn, name, "ENC-" + mrn, type, author, date, "internal medicine");
    }

    /**
     * A processed note whose text is made of lines "HEADER: content"; each header line starts a section of the
     * lower-cased header type.
     */
    static DocumentRecord note(int n, String mrn, String name, DocumentType type, String author, LocalDate date,
                               DocumentState state, String text) {
        DocumentVersion version = version(1, text);
        return new DocumentRecord(id(n), metadata(mrn, name, type, author, date), original(), state, "",
                List.of(version), T0);
    }

    static DocumentVersion version(int number, String text) {
        return new DocumentVersion(number, T0.plusSeconds(number), "pipeline", "extract", text,
                List.of(new Page(1, text, false, null)),
                new Annotation(List.of(), sections(text), List.of(), List.of()));
    }

    /** Sections from lines that start with an upper-case header followed by ':'. */
    static List<Section> sections(String text) {
        List<Section> sections = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int colon = text.indexOf(':', lineStart);
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (colon > lineStart && colon < lineEnd) {
                String header = text.substring(lineStart, colon);
                if (header.equals(header.toUpperCase(Locale.ROOT))) {
                    sections.add(new Section(header.toLowerCase(Locale.ROOT).replace(' ', '_'), header,
                            lineStart, lineEnd));
                }
            }
            lineStart = lineEnd + 1;
        }
        // A section runs to the start of the next one.
        List<Section> joined = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            int end = i + 1 < sections.size() ? sections.get(i + 1).start() : text.length();
            joined.add(new Section(s.type(), s.header(), s.start(), end));
        }
        return joined;
    }

    /** A record the pipeline could not process: no versions. */
    static DocumentRecord failed(int n, String mrn, String name, DocumentType type, String author, LocalDate date) {
        return new DocumentRecord(id(n), metadata(mrn, name, type, author, date), original(), DocumentState.FAILED,
                "the original could not be read", List.of(), T0);
    }
}
