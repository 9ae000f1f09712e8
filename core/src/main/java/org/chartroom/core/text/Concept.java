package org.chartroom.core.text;

/**
 * A clinical concept mentioned in the text (problem, diagnosis, symptom, finding, procedure).
 *
 * @param text      the mention as written
 * @param start     char offset of the mention
 * @param end       end of the mention, exclusive
 * @param category  what kind of concept (e.g. {@code problem}, {@code procedure})
 * @param assertion its context
 */
public record Concept(String text, int start, int end, String category, Assertion assertion) {
}
