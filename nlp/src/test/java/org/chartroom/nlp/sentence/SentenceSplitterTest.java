package org.chartroom.nlp.sentence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.chartroom.core.text.TextSpan;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    private static List<String> sentences(String text) {
        return SPLITTER.split(text).stream().map(span -> span.of(text)).toList();
    }

    @Test
    void splitsOrdinaryProseWithTheOpenNlpModel() {
        assertEquals(List.of("The patient is doing well.", "She denies chest pain.", "Follow up in two weeks."),
                sentences("The patient is doing well.  She denies chest pain.  Follow up in two weeks."));
    }

    @Test
    void aTitleNeverEndsASentence() {
        assertEquals(List.of("She was seen by Dr. Smith in clinic today.", "He agrees with the plan."),
                sentences("She was seen by Dr. Smith in clinic today.  He agrees with the plan."));
    }

    @Test
    void dosingAbbreviationsAndDecimalsStayInsideTheSentence() {
        assertEquals(List.of("Take aspirin 2.5 mg p.o. b.i.d. with food.", "Return in 1 week."),
                sentences("Take aspirin 2.5 mg p.o. b.i.d. with food.  Return in 1 week."));
    }

    @Test
    void anAgeAbbreviationIsJoinedWithTheLowerCaseWordAfterIt() {
        assertEquals(List.of("The patient is a 45 y.o. male with chest pain."),
                sentences("The patient is a 45 y.o. male with chest pain."));
    }

    @Test
    void listNumbersStayWithTheirItems() {
        assertEquals(List.of("1.  Hypertension.", "2.  Diabetes mellitus type 2.", "3.  Hyperlipidemia."),
                sentences("1.  Hypertension.  2.  Diabetes mellitus type 2.  3.  Hyperlipidemia."));
    }

    @Test
    void anMtSamplesCommaNewlineBeforeAHeaderStartsANewSentence() {
        String text = "SUBJECTIVE:,  This 23-year-old female has allergies.,HISTORY:, She lived in Seattle.,"
                + "PLAN:,1.  She will try Zyrtec.";
        assertEquals(List.of("SUBJECTIVE:", "This 23-year-old female has allergies.", "HISTORY:",
                "She lived in Seattle.", "PLAN:", "1.  She will try Zyrtec."), sentences(text));
    }

    @Test
    void anUpperCaseInlineHeaderIsItsOwnSentence() {
        assertEquals(List.of("No acute distress.", "VITAL SIGNS:", "Temperature 98.6, pulse 72."),
                sentences("No acute distress.  VITAL SIGNS:  Temperature 98.6, pulse 72."));
    }

    @Test
    void aCommaInsideANumberIsNotALineBreak() {
        assertEquals(List.of("Platelets were 1,200 and stable."), sentences("Platelets were 1,200 and stable."));
    }

    @Test
    void realNewlinesEndLinesButAWrappedSentenceContinues() {
        String text = "PMH: Asthma\nDH: Inhalers\nepisodes of numbness with some right leg weakness, ongoing\nfor 1.5 months";
        assertEquals(List.of("PMH:", "Asthma", "DH:", "Inhalers",
                "episodes of numbness with some right leg weakness, ongoing\nfor 1.5 months"), sentences(text));
    }

    @Test
    void spansAreTrimmedOrderedAndPointIntoTheOriginalString() {
        String text = "  HISTORY OF PRESENT ILLNESS:,  He is 60.  He has pain.,  ,PLAN:  Rest.  ";
        List<TextSpan> spans = SPLITTER.split(text);
        int previousEnd = 0;
        for (TextSpan span : spans) {
            assertTrue(span.start() >= previousEnd, "ordered, non-overlapping");
            String s = span.of(text);
            assertEquals(s.strip(), s, "trimmed");
            assertTrue(!s.startsWith(",") && !s.endsWith(","), "no line-break comma: " + s);
            previousEnd = span.end();
        }
        assertEquals(List.of("HISTORY OF PRESENT ILLNESS:", "He is 60.", "He has pain.", "PLAN:", "Rest."),
                sentences(text));
    }

    @Test
    void countsAndDosingAbbreviationsBeforeACapitalEndTheSentence() {
        assertEquals(List.of("She vomited x3 today.", "No fever."), sentences("She vomited x3 today.  No fever."));
        assertEquals(List.of("Take Lasix 40 mg q.d.", "Follow up in 2 weeks."),
                sentences("Take Lasix 40 mg q.d.  Follow up in 2 weeks."));
        assertEquals(List.of("He was given Zofran 4 mg i.v. x1.", "He improved."),
                sentences("He was given Zofran 4 mg i.v. x1.  He improved."));
    }

    @Test
    void anUnlistedDottedAbbreviationBeforeALowerCaseWordDoesNotEndTheSentence() {
        assertEquals(List.of("Percocet 5/325 mg 1-2 tabs q.4-6h. p.r.n. pain.", "Return if worse."),
                sentences("Percocet 5/325 mg 1-2 tabs q.4-6h. p.r.n. pain.  Return if worse."));
    }

    @Test
    void initialsAfterATitleDoNotEndTheSentence() {
        assertEquals(List.of("Seen by Dr. A. B. Smith today.", "He is better."),
                sentences("Seen by Dr. A. B. Smith today.  He is better."));
    }

    @Test
    void labValuesAndUpperCaseSentences() {
        assertEquals(List.of("Hemoglobin was 12.5 g/dL.", "WBC 7.2.", "Plt 250."),
                sentences("Hemoglobin was 12.5 g/dL.  WBC 7.2.  Plt 250."));
        assertEquals(List.of("IMPRESSION:", "NORMAL CHEST X-RAY.", "NO ACUTE DISEASE."),
                sentences("IMPRESSION:  NORMAL CHEST X-RAY.  NO ACUTE DISEASE."));
    }

    @Test
    void parenthesisedAndLineStartListNumbers() {
        assertEquals(List.of("1) Hypertension.", "2) Diabetes.", "3) CKD stage 3."),
                sentences("1) Hypertension. 2) Diabetes. 3) CKD stage 3."));
        assertEquals(List.of("Medications:", "1. Lisinopril 10 mg daily.", "2. Metformin 500 mg b.i.d."),
                sentences("Medications:\n1. Lisinopril 10 mg daily.\n2. Metformin 500 mg b.i.d."));
    }

    @Test
    void dictationWithoutPunctuationIsSplitByTheSpokenSentenceModel() {
        String speech = "the patient is a 45 year old man with cough for three days he denies fever "
                + "he will return in one week";
        assertEquals(List.of("the patient is a 45 year old man with cough for three days", "he denies fever",
                "he will return in one week"), sentences(speech));
    }

    @Test
    void shortOrPunctuatedStretchesAreNotGivenToTheSpokenModel() {
        assertEquals(List.of("no fever or chills today"), sentences("no fever or chills today"));
        String typed = "He has had a cough for three days and he denies fever and he will return in one week.";
        assertEquals(List.of(typed), sentences(typed));
        String unpunctuated = "the patient is a 45 year old man with cough for three days he denies fever";
        assertEquals(List.of(unpunctuated), SentenceSplitter.written().split(unpunctuated).stream()
                .map(s -> s.of(unpunctuated)).toList(), "the typed-only splitter keeps it whole");
    }

    @Test
    void emptyAndBlankTextHaveNoSentences() {
        assertEquals(List.of(), SPLITTER.split(""));
        assertEquals(List.of(), SPLITTER.split(" \n ,, \t"));
        assertEquals(List.of(), SPLITTER.split(null));
    }

    @Test
    void theModelIsLoadedOnceAndShared() {
        assertTrue(OpenNlpModels.englishSentences() == OpenNlpModels.englishSentences());
    }
}
