package org.chartroom.core.text;

import java.util.List;

/**
 * What the NLP stage found in one text. All offsets refer to that text.
 *
 * @param sentences sentence spans, in order
 * @param sections  sections, in order, non-overlapping
 * @param concepts  concept mentions with their context
 * @param codes     ICD-10-CM suggestions, best first
 */
public record Annotation(List<TextSpan> sentences, List<Section> sections, List<Concept> concepts,
                         List<CodeSuggestion> codes) {
    public Annotation {
        sentences = List.copyOf(sentences);
        sections = List.copyOf(sections);
        concepts = List.copyOf(concepts);
        codes = List.copyOf(codes);
    }

    public static final Annotation EMPTY = new Annotation(List.of(), List.of(), List.of(), List.of());
}
