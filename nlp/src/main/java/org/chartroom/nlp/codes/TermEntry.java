package org.chartroom.nlp.codes;

import java.util.List;

/**
 * A way of writing a condition that leads to a code: an Alphabetic Index path, a tabular description, an inclusion
 * term, a Neoplasm Table or Table of Drugs row, as normalised words ({@link CodeWords}); or an index path that sends
 * the coder elsewhere ("see", "see also"), whose target's words the phrase then implies.
 *
 * @param required words that must be in the phrase for the entry to fit well (main term, subterms)
 * @param head     how many of the first {@code required} words are the main term (the condition itself)
 * @param optional words that may be absent (nonessential modifiers, the qualifier after a main term's comma)
 * @param implied  for a cross-reference, the words of the term it points to; empty otherwise
 * @param code     the code it leads to, possibly a header or a code with a trailing {@code -} (more characters);
 *                 empty for a cross-reference without a code of its own
 * @param source   where the entry comes from
 */
record TermEntry(List<String> required, int head, List<String> optional, List<String> implied, String code,
                 TermSource source) {
    TermEntry {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        implied = List.copyOf(implied);
    }

    /** An entry that leads to a code. */
    static TermEntry of(List<String> required, int head, List<String> optional, String code, TermSource source) {
        return new TermEntry(required, head, optional, List.of(), code, source);
    }
}
