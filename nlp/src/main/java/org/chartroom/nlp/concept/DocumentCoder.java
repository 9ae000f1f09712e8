package org.chartroom.nlp.concept;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.core.text.Concept;
import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.codes.CodeSuggester;

/**
 * The document's ICD-10-CM suggestions from its concept mentions. Only mentions in diagnosis-bearing sections (or
 * anywhere when the note has no such section) are coded, and never negated, hypothetical or family-history ones;
 * an uncertain mention (a "possible" diagnosis) counts at half weight, since the outpatient guideline codes the
 * symptom instead. A code found by several mentions keeps its best score and all their spans as evidence.
 * Thread-safe.
 */
public final class DocumentCoder {
    /** Section types whose mentions are diagnoses a coder would code. */
    public static final Set<String> DIAGNOSIS_SECTIONS = Set.of("assessment", "assessment_and_plan", "impression",
            "diagnosis", "admission_diagnosis", "discharge_diagnosis", "preoperative_diagnosis",
            "postoperative_diagnosis", "chief_complaint", "indications");
    /** Suggestions scoring below this are left out of the document's list. */
    static final double MIN_SCORE = 0.6;
    private static final int MAX_CODES = 20;

    private final CodeSuggester suggester;
    /** Mentions repeat across notes ("hypertension"): their best code is kept, up to {@link #CACHED} phrases. */
    private final Map<String, List<CodeSuggestion>> known = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHED = 100_000;

    public DocumentCoder(CodeSuggester suggester) {
        this.suggester = suggester;
    }

    /** A concept with the type of the section it is in. */
    public record Located(Concept concept, String sectionType) {
    }

    private List<CodeSuggestion> best(String phrase) {
        List<CodeSuggestion> found = known.get(phrase);
        if (found == null) {
            found = suggester.suggest(phrase, 1);
            if (known.size() < CACHED) {
                known.put(phrase, found);
            }
        }
        return found;
    }

    public List<CodeSuggestion> codes(List<Located> concepts) {
        boolean anyDiagnosisSection = concepts.stream().anyMatch(c -> DIAGNOSIS_SECTIONS.contains(c.sectionType()));
        Map<String, Double> score = new HashMap<>();
        Map<String, String> description = new HashMap<>();
        Map<String, List<TextSpan>> evidence = new LinkedHashMap<>();
        Map<String, List<CodeSuggestion>> cache = new HashMap<>();
        for (Located l : concepts) {
            Concept c = l.concept();
            if (c.assertion().negated() || c.assertion().hypothetical() || c.assertion().family()
                    || (anyDiagnosisSection && !DIAGNOSIS_SECTIONS.contains(l.sectionType()))) {
                continue;
            }
            double weight = c.assertion().uncertain() ? 0.5 : 1.0;
            List<CodeSuggestion> top = cache.computeIfAbsent(c.text().toLowerCase(java.util.Locale.ROOT),
                    this::best);
            for (CodeSuggestion s : top) {
                double v = s.score() * weight;
                if (v < MIN_SCORE) {
                    continue;
                }
                score.merge(s.code(), v, Math::max);
                description.put(s.code(), s.description());
                evidence.computeIfAbsent(s.code(), k -> new ArrayList<>()).add(new TextSpan(c.start(), c.end()));
            }
        }
        return score.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_CODES)
                .map(e -> new CodeSuggestion(e.getKey(), description.get(e.getKey()),
                        Math.round(e.getValue() * 1000) / 1000.0, evidence.get(e.getKey())))
                .toList();
    }
}
