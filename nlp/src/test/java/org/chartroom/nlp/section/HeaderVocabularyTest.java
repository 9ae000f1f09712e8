package org.chartroom.nlp.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.chartroom.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderVocabularyTest {
    private final HeaderVocabulary vocabulary = HeaderVocabulary.standard();

    @Test
    void normalisesCaseSpacesAndLineBreakCommas() {
        assertEquals("ASSESSMENT AND PLAN", HeaderVocabulary.normalize("Assessment  and ,Plan"));
        assertEquals("EARS, NOSE AND THROAT", HeaderVocabulary.normalize("EARS, NOSE AND THROAT"));
    }

    @Test
    void exactPhrasesOfCommonNoteTypes() {
        assertEquals("history_of_present_illness", vocabulary.classify("HISTORY OF PRESENT ILLNESS"));
        assertEquals("preoperative_diagnosis", vocabulary.classify("PREOPERATIVE DIAGNOSES"));
        assertEquals("estimated_blood_loss", vocabulary.classify("EBL"));
        assertEquals("medications", vocabulary.classify("DH"));
        assertEquals("impression", vocabulary.classify("Imp"));
        assertEquals("physical_exam", vocabulary.classify("O/E"));
        assertEquals("exam_subsection", vocabulary.classify("HEENT"));
    }

    @Test
    void parenthesisedPartsAndNumbersAreIgnored() {
        assertEquals("preoperative_diagnosis", vocabulary.classify("PREOPERATIVE DIAGNOSIS (ES)"));
        assertEquals("procedure", vocabulary.classify("PROCEDURE #2"));
        assertEquals("findings", vocabulary.classify("C5-6"), "a vertebral level keeps its number");
    }

    @Test
    void combinedHeadersTakeTheFirstNamedPart() {
        assertEquals("family_history", vocabulary.classify("FAMILY/SOCIAL HISTORY"));
        assertEquals("past_medical_history", vocabulary.classify("PMH/FHX/SHX"));
        assertEquals("exam_subsection", vocabulary.classify("EARS, NOSE AND THROAT"));
        assertEquals("social_history", vocabulary.classify("SOCIAL HISTORY, FAMILY HISTORY, AND PAST MEDICAL HISTORY"));
    }

    @Test
    void combinationsWithTheirOwnMeaningAreKept() {
        assertEquals("assessment_and_plan", vocabulary.classify("IMPRESSION/PLAN"));
        assertEquals("assessment_and_plan", vocabulary.classify("DISCUSSION AND PLAN"));
        assertEquals("postoperative_diagnosis", vocabulary.classify("PRE- AND POSTOPERATIVE DIAGNOSES"));
    }

    @Test
    void keywordRulesTypeUnlistedHeaders() {
        assertEquals("diagnosis", vocabulary.classify("SECONDARY DIAGNOSES LIST"));
        assertEquals("indications", vocabulary.classify("INDICATIONS FOR LUMBAR PUNCTURE"));
        assertEquals("past_medical_history", vocabulary.classify("HEADACHE HISTORY"));
        assertEquals("other", vocabulary.classify("TOTAL ISCHEMIC TIME"));
    }

    @Test
    void anUnknownHeaderIsOtherAndNotKnown() {
        assertFalse(vocabulary.knows("XYZZY"));
        assertEquals(SectionTypeCatalogue.OTHER, vocabulary.classify("XYZZY"));
        assertTrue(vocabulary.knows("DOB"), "a known administrative label counts as known");
    }

    @Test
    void aSiteFileAddsPhrasesAndRulesAndOverridesBuiltIns(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site-headers.tsv");
        Files.writeString(site, "# our clinic's headers\nXYZZY\tplan\n/^WOUND CHECK\\b/\tfindings\nDH\tother\n");
        HeaderVocabulary extended = HeaderVocabulary.withSiteFile(site);
        assertEquals("plan", extended.classify("Xyzzy"));
        assertEquals("findings", extended.classify("WOUND CHECK TODAY"));
        assertEquals("other", extended.classify("DH"));
        assertEquals("medications", vocabulary.classify("DH"), "the standard vocabulary is unchanged");
    }

    @Test
    void aSiteFileWithAnUnknownTypeNamesTheLine(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("bad.tsv");
        Files.writeString(site, "XYZZY\tno_such_type\n");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> HeaderVocabulary.withSiteFile(site));
        assertTrue(e.getMessage().contains("bad.tsv:1"), e.getMessage());
    }
}
