package org.chartroom.nlp.concept;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.chartroom.core.text.CodeConflict;
import org.chartroom.core.text.CodeNote;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.core.text.Concept;
import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.codes.CodeAxes;
import org.chartroom.nlp.codes.CodeSuggester;
import org.chartroom.nlp.codes.TabularNote;
import org.chartroom.nlp.codes.TabularNotes;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * The document's ICD-10-CM suggestions from its concept mentions. Only mentions in diagnosis-bearing sections (or
 * anywhere when the note has no such section) are coded, and never negated, hypothetical or family-history ones. A
 * code found by several mentions keeps its best score and all their spans as evidence. Each suggestion says how its
 * laterality, acuity and 7th character were chosen ({@link CodeAxes}, from the text of its best mention), carries the
 * tabular instructions of the code (code first, use additional code, code also), is flagged uncertain when all its
 * mentions are ("possible pneumonia": the outpatient guideline codes the symptoms instead), and names the other
 * suggested codes its Excludes1 notes exclude. Thread-safe.
 */
public final class DocumentCoder {
    /** Section types whose mentions are diagnoses a coder would code. */
    public static final Set<String> DIAGNOSIS_SECTIONS = Set.of("assessment", "assessment_and_plan", "impression",
            "diagnosis", "admission_diagnosis", "discharge_diagnosis", "preoperative_diagnosis",
            "postoperative_diagnosis", "chief_complaint", "indications");
    /** The resource with the reporting guidance attached to suggestions, relative to {@code org/chartroom/nlp/}. */
    static final String GUIDANCE = "code-guidance.tsv";
    /** Suggestions scoring below this are left out of the document's list. */
    static final double MIN_SCORE = 0.6;
    private static final int MAX_CODES = 20;
    private static final List<String> INSTRUCTIONS = List.of(TabularNote.CODE_FIRST, TabularNote.USE_ADDITIONAL_CODE,
            TabularNote.CODE_ALSO);

    private final CodeSuggester suggester;
    private final TabularNotes notes;
    private final CodeAxes axes;
    private final String uncertainGuidance;

    public DocumentCoder(CodeSuggester suggester, TabularNotes notes, CodeAxes axes) {
        this.suggester = suggester;
        this.notes = notes;
        this.axes = axes;
        this.uncertainGuidance = RuleFile.readResource(GUIDANCE).stream()
                .filter(l -> l.field(0).equals("uncertain")).map(l -> l.field(1)).findFirst().orElse("");
    }

    /** A concept with the type of the section it is in. */
    public record Located(Concept concept, String sectionType) {
    }

    /** What the mentions of one code gave, before it becomes a suggestion. */
    private static final class Found {
        final String description;
        double score;
        Concept best;
        boolean allUncertain = true;
        final List<TextSpan> evidence = new ArrayList<>();

        Found(String description) {
            this.description = description;
        }
    }

    public List<CodeSuggestion> codes(List<Located> concepts) {
        boolean anyDiagnosisSection = concepts.stream().anyMatch(c -> DIAGNOSIS_SECTIONS.contains(c.sectionType()));
        Map<String, Found> found = new LinkedHashMap<>();
        // A phrase said twice in one note is coded once.
        Map<String, List<CodeSuggestion>> coded = new HashMap<>();
        for (Located l : concepts) {
            Concept c = l.concept();
            if (c.assertion().negated() || c.assertion().hypothetical() || c.assertion().family()
                    || (anyDiagnosisSection && !DIAGNOSIS_SECTIONS.contains(l.sectionType()))) {
                continue;
            }
            for (CodeSuggestion s : coded.computeIfAbsent(c.text().toLowerCase(Locale.ROOT),
                    phrase -> suggester.suggest(phrase, 1))) {
                if (s.score() < MIN_SCORE) {
                    continue;
                }
                Found f = found.computeIfAbsent(s.code(), k -> new Found(s.description()));
                if (f.best == null || s.score() > f.score) {
                    f.score = s.score();
                    f.best = c;
                }
                f.allUncertain &= c.assertion().uncertain();
                f.evidence.add(new TextSpan(c.start(), c.end()));
            }
        }
        // Established diagnoses first, then the uncertain ones; best score first within each.
        List<String> chosen = found.entrySet().stream()
                .sorted(Map.Entry.<String, Found>comparingByValue((a, b) -> a.allUncertain != b.allUncertain
                                ? Boolean.compare(a.allUncertain, b.allUncertain) : Double.compare(b.score, a.score))
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_CODES).map(Map.Entry::getKey).toList();
        List<CodeSuggestion> out = new ArrayList<>(chosen.size());
        for (String code : chosen) {
            Found f = found.get(code);
            List<CodeNote> codeNotes = new ArrayList<>();
            for (String kind : INSTRUCTIONS) {
                notes.of(code, kind).forEach(n -> codeNotes.add(new CodeNote(kind, n.text())));
            }
            if (f.allUncertain && !uncertainGuidance.isEmpty()) {
                codeNotes.add(new CodeNote("uncertain", uncertainGuidance));
            }
            out.add(new CodeSuggestion(code, f.description, f.score, f.evidence, f.allUncertain,
                    axes.of(code, f.best.text()), conflicts(code, chosen), codeNotes));
        }
        return out;
    }

    /** The other chosen codes that an Excludes1 note of either code names. */
    private List<CodeConflict> conflicts(String code, List<String> chosen) {
        List<CodeConflict> out = new ArrayList<>();
        for (String other : chosen) {
            if (other.equals(code)) {
                continue;
            }
            notes.excludes1(code, other).or(() -> notes.excludes1(other, code))
                    .ifPresent(note -> out.add(new CodeConflict(other, TabularNote.EXCLUDES1, note)));
        }
        return out;
    }
}
