package org.chartroom.nlp.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.text.Assertion;
import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.rules.RuleLine;
import org.junit.jupiter.api.Test;

class ContextAnalyzerTest {
    private final ContextAnalyzer analyzer = new ContextAnalyzer();

    private Assertion of(String sentence, String target) {
        return of(sentence, target, "other");
    }

    private Assertion of(String sentence, String target, String section) {
        int at = sentence.indexOf(target);
        assertTrue(at >= 0, target);
        return analyzer.assess(sentence, new TextSpan(0, sentence.length()), new TextSpan(at, at + target.length()),
                section);
    }

    @Test
    void forwardNegationReachesAListOfFindings() {
        assertTrue(of("No fever.", "fever").negated());
        assertTrue(of("He denies chest pain, shortness of breath, or palpitations.", "palpitations").negated());
        assertTrue(of("Negative for malignant cells.", "malignant cells").negated());
    }

    @Test
    void backwardNegation() {
        assertTrue(of("Pulmonary embolism was ruled out.", "Pulmonary embolism").negated());
        assertTrue(of("Allergies - none.", "Allergies").negated());
    }

    @Test
    void pseudoTriggersAndTerminatorsStopNegation() {
        assertFalse(of("There is no increase in the effusion.", "effusion").negated());
        assertFalse(of("No fever but a productive cough.", "productive cough").negated());
        assertFalse(of("Tolerated the procedure without difficulty and had nausea.", "nausea").negated());
    }

    @Test
    void aTriggerInsideParenthesesStaysThere() {
        assertFalse(of("Biopsy (slides not reviewed) shows lymphoma.", "lymphoma").negated());
    }

    @Test
    void theTargetItselfIsNotATrigger() {
        assertFalse(of("Test was NEGATIVE.", "NEGATIVE").negated());
    }

    @Test
    void otherContextCategories() {
        assertTrue(of("Possible pneumonia.", "pneumonia").uncertain());
        assertTrue(of("History of myocardial infarction.", "myocardial infarction").historical());
        assertTrue(of("Mother had breast cancer.", "breast cancer").family());
        assertTrue(of("Return if fever develops.", "fever").hypothetical());
        assertEquals(Assertion.AFFIRMED, of("The patient has pneumonia.", "pneumonia"));
    }

    @Test
    void sectionDefaults() {
        assertTrue(of("Diabetes.", "Diabetes", "past_medical_history").historical());
        assertTrue(of("Diabetes.", "Diabetes", "family_history").family());
    }

    @Test
    void aMalformedSiteRuleNamesItsLine() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ContextRules.of(List.of(new RuleLine("site.tsv", 7, List.of("nope", "sideways", "forward")))));
        assertTrue(e.getMessage().contains("site.tsv:7"), e.getMessage());
        assertTrue(ContextRules.builtIn().size() > 150);
    }
}
