package org.chartroom.core.pipeline;

import org.chartroom.core.text.Annotation;

/**
 * The NLP stage: finds sentences, sections, concepts (with their context) and code suggestions in a text.
 * Thread-safe; pure (the same text gives the same annotation); never throws for any input string.
 */
@FunctionalInterface
public interface ClinicalAnnotator {
    Annotation annotate(String text);
}
