package org.chartroom.nlp.codes;

import java.util.List;

/**
 * A way of writing a condition that leads to a code: an Alphabetic Index path, a tabular description, an inclusion
 * term or a Neoplasm Table row, as normalised words ({@link CodeWords}).
 *
 * @param required words that must be in the phrase for the entry to fit well (main term, subterms)
 * @param head     how many of the first {@code required} words are the main term (the condition itself)
 * @param optional words that may be absent (nonessential modifiers, the qualifier after a main term's comma)
 * @param code     the code it leads to, possibly a header or a code with a trailing {@code -} (more characters)
 * @param source   {@code index}, {@code description}, {@code inclusion}, {@code neoplasm} or {@code see}
 */
public record TermEntry(List<String> required, int head, List<String> optional, String code, String source) {
    public TermEntry {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
    }
}
