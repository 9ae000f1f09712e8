package org.chartroom.nlp.rules;

import java.util.List;

/**
 * One rule of a rule file: its tab-separated fields and where it came from, so that an error can name the line.
 *
 * @param source     the resource name or file path
 * @param lineNumber 1-based line number in the source
 * @param fields     the fields, each trimmed; never empty
 */
public record RuleLine(String source, int lineNumber, List<String> fields) {
    public RuleLine {
        fields = List.copyOf(fields);
    }

    /** The field at {@code index}, or the empty string when the line has fewer fields. */
    public String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    /** {@code source:line}, for error messages. */
    public String where() {
        return source + ":" + lineNumber;
    }
}
