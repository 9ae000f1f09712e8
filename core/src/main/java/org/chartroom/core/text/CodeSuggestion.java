package org.chartroom.core.text;

import java.util.List;

/**
 * A suggested ICD-10-CM code with the text that supports it.
 *
 * @param code        the code with its dot (e.g. {@code I10}, {@code S72.001A})
 * @param description the official long description
 * @param score       a ranking score; higher is better, comparable only within one result list
 * @param evidence    the spans of the text that support the code
 */
public record CodeSuggestion(String code, String description, double score, List<TextSpan> evidence) {
    public CodeSuggestion {
        evidence = List.copyOf(evidence);
    }
}
