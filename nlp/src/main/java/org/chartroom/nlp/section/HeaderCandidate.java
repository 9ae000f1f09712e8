package org.chartroom.nlp.section;

/**
 * A header found in a text, before it is typed.
 *
 * @param start     where the header text begins (char offset)
 * @param end       where the header text ends, exclusive (before the colon and any spaces in front of it)
 * @param bodyStart where the text after the header begins (after the colon, or after the heading words when spoken)
 * @param placement where the header stands: at a line start or inline after a sentence
 */
public record HeaderCandidate(int start, int end, int bodyStart, Placement placement) {
    /** Where a header stands in its text. */
    public enum Placement {
        /** At the start of the text or of a line (after a newline or a comma that replaced one). */
        LINE_START,
        /** After the end of a sentence or clause on the same line ({@code ". "}, {@code ": "}, {@code ";"}). */
        INLINE
    }

    public String text(String source) {
        return source.substring(start, end);
    }
}
