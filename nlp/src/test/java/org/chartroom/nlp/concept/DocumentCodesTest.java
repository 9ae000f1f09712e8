package org.chartroom.nlp.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Assertion;
import org.chartroom.core.text.CodeConflict;
import org.chartroom.core.text.CodeNote;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.core.text.Concept;
import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.ClinicalNoteAnnotator;
import org.chartroom.nlp.codes.CodeIndexHome;
import org.chartroom.nlp.codes.FixtureRelease;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole annotator on a fixture code index: concepts with context, and codes only from asserted mentions. */
class DocumentCodesTest {
    @TempDir
    static Path temp;
    static ClinicalNoteAnnotator annotator;

    @BeforeAll
    static void open() throws IOException {
        CodeIndexHome home = FixtureRelease.home(temp);
        CodeResources resources = CodeResources.of(FixtureRelease.open(home), home.index());
        annotator = ClinicalNoteAnnotator.withCodes(() -> Optional.of(resources));
    }

    @Test
    void assertedDiagnosesAreCodedWithEvidence() {
        String note = "HISTORY OF PRESENT ILLNESS: Fell yesterday. No fever.\n"
                + "ASSESSMENT: Left tibial shaft fracture. Possible inguinal hernia.";
        Annotation a = annotator.annotate(note);
        Concept fracture = a.concepts().stream().filter(c -> c.text().contains("fracture")).findFirst().orElseThrow();
        assertEquals("Left tibial shaft fracture", fracture.text());
        assertEquals(Assertion.AFFIRMED, fracture.assertion());
        Concept fever = a.concepts().stream().filter(c -> c.text().equals("fever")).findFirst().orElseThrow();
        assertTrue(fever.assertion().negated());
        CodeSuggestion top = a.codes().get(0);
        assertEquals("S82.202A", top.code());
        assertEquals(List.of(new TextSpan(fracture.start(), fracture.end())), top.evidence());
        assertTrue(a.codes().stream().noneMatch(c -> c.code().equals("R50.9")), "negated fever is not coded");
    }

    @Test
    void codesThatExcludeEachOtherAreFlaggedAndInstructionsCarried() {
        String note = "DIAGNOSES:\n1. Type 1 diabetes mellitus.\n2. Type 2 diabetes mellitus with chronic kidney"
                + " disease.";
        Annotation a = annotator.annotate(note);
        CodeSuggestion type1 = code(a, "E10.9");
        CodeSuggestion type2 = code(a, "E11.22");
        assertEquals(List.of(new CodeConflict("E11.22", "excludes1", "type 2 diabetes mellitus (E11.-)")),
                type1.conflicts());
        assertEquals(List.of(new CodeConflict("E10.9", "excludes1", "type 1 diabetes mellitus (E10.-)")),
                type2.conflicts());
        assertEquals(List.of(new CodeNote("useAdditionalCode", "code to identify control using insulin (Z79.4)")),
                type2.notes());
        // The mention reaches over "with" to the complication the code names.
        assertEquals("Type 2 diabetes mellitus with chronic kidney disease",
                note.substring(type2.evidence().get(0).start(), type2.evidence().get(0).end()));
    }

    @Test
    void anUncertainDiagnosisIsFlaggedWithTheGuidelineAndComesLast() {
        Annotation a = annotator.annotate("IMPRESSION: Possible migraine without aura. Essential hypertension.");
        CodeSuggestion migraine = code(a, "G43.009");
        assertTrue(migraine.uncertain());
        assertTrue(migraine.notes().stream().anyMatch(n -> n.kind().equals("uncertain")
                && n.text().contains("signs and symptoms")), migraine.notes().toString());
        assertFalse(code(a, "I10").uncertain());
        assertEquals("I10", a.codes().get(0).code());
    }

    @Test
    void eachSuggestionSaysHowItsAxesWereChosen() {
        Annotation a = annotator.annotate("ASSESSMENT: Tibial shaft fracture.");
        CodeSuggestion fracture = code(a, "S82.209A");
        assertTrue(fracture.axes().stream().anyMatch(x -> x.axis().equals("laterality") && !x.stated()
                && x.value().equals("unspecified")), fracture.axes().toString());
        assertTrue(fracture.axes().stream().anyMatch(x -> x.axis().equals("episode") && !x.stated()
                && !x.reason().isEmpty()), fracture.axes().toString());
    }

    private static CodeSuggestion code(Annotation a, String code) {
        return a.codes().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + a.codes()));
    }

    @Test
    void negatedAndFamilyMentionsAreNeverCoded() {
        Annotation a = annotator.annotate("IMPRESSION: No fracture. Mother has hypertension.");
        assertTrue(a.codes().isEmpty(), a.codes().toString());
        assertFalse(a.concepts().isEmpty());
    }

    @Test
    void targetsAreDecidedInTheirOwnSentence() {
        String text = "Fever. No hernia.";
        List<Assertion> decided = annotator.assess(text, List.of(new TextSpan(0, 5), new TextSpan(10, 16)));
        assertFalse(decided.get(0).negated());
        assertTrue(decided.get(1).negated());
    }
}
