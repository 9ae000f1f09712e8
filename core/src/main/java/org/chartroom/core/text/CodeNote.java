package org.chartroom.core.text;

/**
 * An instruction that comes with a suggested code.
 *
 * @param kind {@code codeFirst}, {@code useAdditionalCode}, {@code codeAlso} (tabular notes of the code or its
 *             category) or {@code uncertain} (the reporting guideline for an uncertain diagnosis)
 * @param text the instruction as written
 */
public record CodeNote(String kind, String text) {
}
