package org.chartroom.nlp.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.chartroom.core.text.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionizerTest {
    private static final Sectionizer SECTIONIZER = new Sectionizer();

    private static List<String> headers(String text) {
        return SECTIONIZER.sections(text).stream().map(Section::header).toList();
    }

    private static List<String> types(String text) {
        return SECTIONIZER.sections(text).stream().map(Section::type).toList();
    }

    @Test
    void upperCaseHeadersAfterMtSamplesCommaNewlines() {
        String text = "SUBJECTIVE:,  This 23-year-old white female presents with allergies.,MEDICATIONS: , Allegra."
                + ",ALLERGIES:  No known medicine allergies.,PLAN:,1.  She will try Zyrtec.";
        List<Section> sections = SECTIONIZER.sections(text);
        assertEquals(List.of("SUBJECTIVE", "MEDICATIONS", "ALLERGIES", "PLAN"), headers(text));
        assertEquals(List.of("subjective", "medications", "allergies", "plan"), types(text));
        assertEquals(0, sections.get(0).start());
        assertEquals(text.indexOf("MEDICATIONS"), sections.get(1).start());
        assertEquals(text.length(), sections.get(3).end());
    }

    @Test
    void upperCaseHeadersInlineAfterASentence() {
        String text = "PHYSICAL EXAMINATION:  Alert, in no distress.  VITAL SIGNS:  BP 120/80.  HEENT:  Normal; NECK: supple";
        assertEquals(List.of("PHYSICAL EXAMINATION", "VITAL SIGNS", "HEENT", "NECK"), headers(text));
        assertEquals(List.of("physical_exam", "vital_signs", "exam_subsection", "exam_subsection"), types(text));
    }

    @Test
    void titleCaseHeadersAtTheStartOfALine() {
        String text = "History of Present Illness: Cough for 3 days.\nPast Medical History: Asthma.\n"
                + "Assessment and Plan: Viral bronchitis, supportive care.";
        assertEquals(List.of("History of Present Illness", "Past Medical History", "Assessment and Plan"), headers(text));
        assertEquals(List.of("history_of_present_illness", "past_medical_history", "assessment_and_plan"), types(text));
    }

    @Test
    void primockShortHeaders() {
        String text = "3/7 hx of diarrhea.\n\nPMH: Asthma\nDH: Inhalers\nSH: accountant\nFH: nil\n"
                + "O/E: afebrile\nImp: gastroenteritis \n\nPlan:\nrest, fluids";
        assertEquals(List.of("PMH", "DH", "SH", "FH", "O/E", "Imp", "Plan"), headers(text));
        assertEquals(List.of("past_medical_history", "medications", "social_history", "family_history",
                "physical_exam", "impression", "plan"), types(text));
    }

    @Test
    void mixedCaseLabelsInsideALineOrAfterACommaAreNotSections() {
        String text = "PHYSICAL EXAMINATION:,Lungs:  Clear.,Heart:  Regular.  Abdomen: Soft.";
        assertEquals(List.of("PHYSICAL EXAMINATION"), headers(text));
    }

    @Test
    void aLeadingListNumberIsNotPartOfTheHeader() {
        String text = "1.  PREOPERATIVE DIAGNOSIS:  Cholelithiasis.,2.  POSTOPERATIVE DIAGNOSIS:  Same.";
        List<Section> sections = SECTIONIZER.sections(text);
        assertEquals(List.of("PREOPERATIVE DIAGNOSIS", "POSTOPERATIVE DIAGNOSIS"), headers(text));
        assertEquals(text.indexOf('P'), sections.get(0).start());
        assertEquals(List.of("preoperative_diagnosis", "postoperative_diagnosis"), types(text));
    }

    @Test
    void ratiosTimesAndNamesAfterATitleAreNotHeaders() {
        assertEquals(List.of("LABS"), headers("LABS:  ANA 1:40 speckled.  Seen at 10:30 today."));
        assertEquals(List.of(), headers("Dear Dr. XYZ: ,Thank you for this referral."));
        assertEquals(List.of(), headers("The patient has CHF: stable."));
    }

    @Test
    void aRealCommaBetweenUpperCasePiecesIsKeptAndALineBreakCommaIsNot() {
        assertEquals(List.of("EARS, NOSE AND THROAT"), headers("EARS, NOSE AND THROAT:  Normal."));
        assertEquals(List.of("VITAL SIGNS"), headers("PHYSICAL EXAMINATION,VITAL SIGNS:  Stable."));
    }

    @Test
    void aHeaderWrappedOverALineBreakIsOneHeader() {
        String text = "Consistent with poison ivy.,ASSESSMENT AND ,PLAN:,  Poison ivy.";
        assertEquals(List.of("ASSESSMENT AND ,PLAN"), headers(text));
        assertEquals(List.of("assessment_and_plan"), types(text));
    }

    @Test
    void organSystemHeadersInsideReviewOfSystemsAreRosSubsections() {
        String text = "REVIEW OF SYSTEMS:,CARDIOVASCULAR:  No chest pain.,ORTHO:  No issues.,"
                + "GI:  No nausea.,PHYSICAL EXAMINATION:,CARDIOVASCULAR:  Regular rhythm.";
        assertEquals(List.of("review_of_systems", "ros_subsection", "ros_subsection", "ros_subsection",
                "physical_exam", "exam_subsection"), types(text));
    }

    @Test
    void aColonlessReviewOfSystemsLineSetsTheContext() {
        String text = "HISTORY:  Cough.,REVIEW OF SYSTEMS,GENERAL:  No fever.,SKIN:  No rash.";
        assertEquals(List.of("history_of_present_illness", "ros_subsection", "ros_subsection"), types(text));
    }

    @Test
    void organSystemHeadersInsideAReportsFindingsAreFindings() {
        String text = "TECHNIQUE:  CT of the chest.,FINDINGS:,LUNGS:  Clear.,HEART:  Normal size.,IMPRESSION:  Normal.";
        assertEquals(List.of("procedure_description", "findings", "findings", "findings", "impression"), types(text));
    }

    @Test
    void pAtALineStartIsThePlanAndInlineIsThePulse() {
        assertEquals(List.of("subjective", "objective", "plan"), types("S:  Cough.,O:  Afebrile.,P:  Rest."));
        assertEquals(List.of("vital_signs", "vital_signs"), types("VITALS:  BP 120/80.  P: 88, regular."));
    }

    @Test
    void respirationsOrPulseFollowedByANumberAreVitalSigns() {
        assertEquals(List.of("vital_signs"), types("Afebrile.  RESPIRATIONS:  16."));
        assertEquals(List.of("review_of_systems", "ros_subsection"),
                types("REVIEW OF SYSTEMS:,RESPIRATIONS:  No shortness of breath."));
    }

    @Test
    void examFollowedByAStudyNameIsTheProcedure() {
        assertEquals(List.of("procedure", "indications"), types("EXAM:  MRI LEFT SHOULDER.,REASON FOR EXAM:  Pain."));
        assertEquals(List.of("procedure"), types("EXAM: , Chest PA & Lateral."));
        assertEquals(List.of("physical_exam", "exam_subsection"), types("EXAM:, BP120/80 HR72.,MS: Alert."));
    }

    @Test
    void operationsInAnOperativeNoteAreTheProcedure() {
        assertEquals(List.of("preoperative_diagnosis", "procedure"),
                types("PREOPERATIVE DIAGNOSIS:  Hernia.,OPERATIONS:  Hernia repair."));
        assertEquals(List.of("past_medical_history", "past_surgical_history"),
                types("PAST MEDICAL HISTORY:  None.,OPERATIONS:  Appendectomy."));
    }

    @Test
    void sectionsAreContiguousAndHeadersAreExactSubstrings() {
        String text = "CHIEF COMPLAINT:  Cough.,HISTORY OF PRESENT ILLNESS:  Three days.  VITAL SIGNS:  Stable."
                + ",IMPRESSION/PLAN:  Bronchitis.";
        List<Section> sections = SECTIONIZER.sections(text);
        assertEquals(4, sections.size());
        for (int k = 0; k < sections.size(); k++) {
            Section section = sections.get(k);
            assertTrue(text.startsWith(section.header(), section.start()), section.header());
            int expectedEnd = k + 1 < sections.size() ? sections.get(k + 1).start() : text.length();
            assertEquals(expectedEnd, section.end());
        }
    }

    @Test
    void randomTextAlwaysGivesWellFormedSections() {
        Random random = new Random(42);
        String alphabet = "ABCDEFGHIJ abc:,.;\n1/()-'#+&PLAN:HEENT:";
        for (int round = 0; round < 2000; round++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            int previousEnd = -1;
            for (Section section : SECTIONIZER.sections(text)) {
                assertTrue(text.startsWith(section.header(), section.start()));
                assertTrue(section.start() >= previousEnd && section.end() <= text.length());
                assertTrue(SectionTypeCatalogue.standard().contains(section.type()), section.type());
                previousEnd = section.end();
            }
            if (previousEnd >= 0) {
                assertEquals(text.length(), previousEnd);
            }
        }
    }

    @Test
    void aSiteFileAddsAHeader(@TempDir Path dir) throws Exception {
        String text = "Wound Check: healing well.\nPlan: review in 2 weeks.";
        assertEquals(List.of("Plan"), headers(text));
        Path site = dir.resolve("site-headers.tsv");
        Files.writeString(site, "# Site additions\nWOUND CHECK\tfindings\n");
        Sectionizer siteSectionizer = new Sectionizer(site);
        List<Section> sections = siteSectionizer.sections(text);
        assertEquals(List.of("Wound Check", "Plan"), sections.stream().map(Section::header).toList());
        assertEquals("findings", sections.get(0).type());
    }

    @Test
    void speechLikeTextUsesSpokenHeadings() {
        String text = "chief complaint cough history of present illness the patient is a 45 year old man with cough "
                + "past medical history hypertension allergies none assessment bronchitis plan rest";
        List<Section> sections = SECTIONIZER.sections(text);
        assertEquals(List.of("chief complaint", "history of present illness", "past medical history", "allergies",
                "assessment", "plan"), sections.stream().map(Section::header).toList());
        assertEquals(List.of("chief_complaint", "history_of_present_illness", "past_medical_history", "allergies",
                "assessment", "plan"), sections.stream().map(Section::type).toList());
    }

    @Test
    void examSubsectionsSaidInTheFlowOfADictation() {
        String text = "physical examination vital signs blood pressure 120 over 80 pulse 72 heent normocephalic "
                + "atraumatic neck supple no lymphadenopathy lungs clear to auscultation bilaterally heart regular "
                + "rate and rhythm abdomen soft nontender extremities no edema";
        assertEquals(List.of("physical examination", "vital signs", "heent", "neck", "lungs", "heart", "abdomen",
                "extremities"), headers(text));
        assertEquals(List.of("physical_exam", "vital_signs", "exam_subsection", "exam_subsection", "exam_subsection",
                "exam_subsection", "exam_subsection", "exam_subsection"), types(text));
    }

    @Test
    void aPunctuatedDraftWithoutWrittenHeadersIsReadAsDictationAndKeepsItsOffsets() {
        String draft = "Chief complaint cough for 3 days.  History of present illness: none given at 10:30.  "
                .replace(": none given at 10:30", " the patient is a 45-year-old man with a dry cough since 10:30")
                + "Past medical history asthma.  Assessment acute bronchitis.  Plan rest and fluids.";
        List<Section> sections = SECTIONIZER.sections(draft);
        assertEquals(List.of("Chief complaint", "History of present illness", "Past medical history", "Assessment",
                "Plan"), sections.stream().map(Section::header).toList());
        assertEquals(draft.indexOf("Past medical"), sections.get(2).start());
        assertEquals(draft.indexOf("Assessment"), sections.get(2).end());
    }

    @Test
    void writtenHeadersWinOverSpokenOnes() {
        String text = "HISTORY:  She has asthma.  Her plan of care and allergies were reviewed.";
        assertEquals(List.of("HISTORY"), headers(text));
    }

    @Test
    void spokenHeadingWordsInsideASentenceAreSkipped() {
        String text = "the procedure was explained and the plan of care was discussed";
        assertEquals(List.of(), SECTIONIZER.spokenSections(text));
    }

    @Test
    void emptyTextHasNoSections() {
        assertEquals(List.of(), SECTIONIZER.sections(""));
        assertEquals(List.of(), SECTIONIZER.sections(null));
    }
}
