package org.chartroom.core.text;

import java.util.List;

/**
 * What the NLP stage found in one text. All offsets refer to that text.
 *
 * @param sentences      sentence spans, in order
 * @param sections       sections, in order, non-overlapping
 * @param concepts       concept mentions with their context
 * @param codes          ICD-10-CM suggestions, best first
 * @param classification the suggested document type and specialty ({@link DocumentClassification#NONE} when there
 *                       is no classifier; records stored before it existed read back as NONE)
 */
public record Annotation(List<TextSpan> sentences, List<Section> sections, List<Concept> concepts,
                         List<CodeSuggestion> codes, DocumentClassification classification) {
    public Annotation {
        sentences = List.copyOf(sentences);
        sections = List.copyOf(sections);
        concepts = List.copyOf(concepts);
        codes = List.copyOf(codes);
        classification = classification == null ? DocumentClassification.NONE : classification;
    }

    /** An annotation without a document classification. */
    public Annotation(List<TextSpan> sentences, List<Section> sections, List<Concept> concepts,
                      List<CodeSuggestion> codes) {
        this(sentences, sections, concepts, codes, DocumentClassification.NONE);
    }

    public static final Annotation EMPTY = new Annotation(List.of(), List.of(), List.of(), List.of());
}
