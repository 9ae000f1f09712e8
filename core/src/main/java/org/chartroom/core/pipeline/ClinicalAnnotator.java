package org.chartroom.core.pipeline;

import java.util.List;

import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Assertion;
import org.chartroom.core.text.Concept;
import org.chartroom.core.text.TextSpan;

/**
 * The NLP stage: finds sentences, sections, concepts (with their context) and code suggestions in a text.
 * Thread-safe; pure (the same text gives the same annotation); never throws for any input string.
 */
@FunctionalInterface
public interface ClinicalAnnotator {
    Annotation annotate(String text);

    /**
     * The context of each given span of {@code text} (a caller's own mentions, e.g. the NegEx evaluation targets),
     * in the order given. This default answers with the assertion of an overlapping concept, or affirmed;
     * implementations with a context step decide each span in its own sentence and section.
     *
     * @param targets spans inside the text
     */
    default List<Assertion> assess(String text, List<TextSpan> targets) {
        Annotation a = annotate(text);
        return targets.stream().map(t -> a.concepts().stream()
                .filter(c -> c.start() < t.end() && t.start() < c.end()).findFirst()
                .map(Concept::assertion).orElse(Assertion.AFFIRMED)).toList();
    }
}
