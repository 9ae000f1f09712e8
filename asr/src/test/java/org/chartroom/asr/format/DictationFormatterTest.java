package org.chartroom.asr.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DictationFormatterTest {
    private final DictationFormatter formatter = new DictationFormatter();

    private String format(String spoken) {
        return formatter.format(List.of(spoken.split(" ")));
    }

    @Test
    void spokenPunctuationAttachesAndSentencesStartWithACapital() {
        assertEquals("The patient is well. She has no fever, chills or cough.",
                format("the patient is well period she has no fever comma chills or cough period"));
        assertEquals("Is it painful? I think so (mildly).",
                format("is it painful question mark i think so open paren mildly close paren period"));
    }

    @Test
    void spokenHeadingsBecomeWrittenHeadingsOnTheirOwnParagraph() {
        String draft = format("chief complaint colon cough period history of present illness colon"
                + " the patient reports a cough period next section plan follow up in two weeks period");
        assertEquals("CHIEF COMPLAINT: Cough.\n\nHISTORY OF PRESENT ILLNESS: The patient reports a cough.\n\n"
                + "PLAN: Follow up in two weeks.", draft);
    }

    @Test
    void aHeadingWordInProseIsNotAHeading() {
        assertEquals("Her family history is negative.", format("her family history is negative period"));
    }

    @Test
    void layoutCommands() {
        assertEquals("One.\nTwo.\n\nThree.", format("one period new line two period new paragraph three period"));
    }

    @Test
    void numbersUnitsAndReadings() {
        assertEquals("Blood pressure 120/80, pulse 72, temperature 98.6.",
                format("blood pressure one twenty over eighty comma pulse seventy two comma temperature"
                        + " ninety eight point six period"));
        assertEquals("Lisinopril 5 mg daily and aspirin 325 mg.",
                format("lisinopril five milligrams daily and aspirin three hundred twenty five milligrams period"));
        assertEquals("Saturation 95% on 2 L.", format("saturation ninety five percent on two liters period"));
        assertEquals("A 23 year old with two sisters.", format("a twenty three year old with two sisters period"));
        assertEquals("Dose 0.5 mg.", format("dose point five milligrams period"));
        assertEquals("Seen in 2026.", format("seen in two thousand twenty six period"));
    }

    @Test
    void dates() {
        assertEquals("Admitted March 14, 2026.", format("admitted march fourteenth twenty twenty six period"));
        assertEquals("Seen on June 21.", format("seen on june twenty first period"));
        assertEquals("She may be seen.", format("she may be seen period"));
    }

    @Test
    void spokenFormIsTheInverseOfTheFormatter() {
        SpokenForm spoken = new SpokenForm(formatter);
        String written = "HISTORY OF PRESENT ILLNESS:, A 45-year-old man. BP 150/90, on lisinopril 20 mg.,"
                + "PLAN:,  Return in 3 weeks.";
        List<String> words = spoken.words(written);
        assertEquals("history of present illness colon a forty five year old man period new paragraph plan colon"
                        .split(" ")[0], words.get(0));
        assertTrue(String.join(" ", words).contains("bp one fifty over ninety comma on lisinopril twenty milligrams"
                + " period new paragraph plan colon return in three weeks period"), String.join(" ", words));
        String draft = formatter.format(words);
        assertTrue(draft.startsWith("HISTORY OF PRESENT ILLNESS: A 45 year old man."), draft);
        assertTrue(draft.contains("Bp 150/90, on lisinopril 20 mg.\n\nPLAN: Return in three weeks."), draft);
    }

    @Test
    void sentencesSplitAtSpokenSentenceEnds() {
        SpokenForm spoken = new SpokenForm(formatter);
        assertEquals(List.of("plan colon", "rest period", "fluids period"),
                spoken.sentences("PLAN: Rest. Fluids."));
    }

    @Test
    void numbersAreSpokenAsDictated() {
        NumberWords n = new NumberWords();
        assertEquals("one hundred five", n.speakReading(105));
        assertEquals("one twenty", n.speakReading(120));
        assertEquals("two thousand twenty six", n.speak(2026));
        assertEquals("zero", n.speak(0));
    }
}
