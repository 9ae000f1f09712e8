package org.chartroom.nlp.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpeechLikeTextTest {
    @Test
    void lowerCasesAndDropsPunctuation() {
        SpeechLikeText speech = SpeechLikeText.of("HISTORY OF PRESENT ILLNESS:,  The patient's 23-year-old sister.");
        assertEquals("history of present illness the patients 23 year old sister", speech.text());
    }

    @Test
    void mapsOffsetsOfKeptCharactersAndOfRemovedOnesToTheNextKept() {
        String written = "Pain.,PLAN:  Rest.";
        SpeechLikeText speech = SpeechLikeText.of(written);
        assertEquals("pain plan rest", speech.text());
        assertEquals(5, speech.map(written.indexOf("PLAN")));
        assertEquals(5, speech.map(written.indexOf(".,")), "removed punctuation maps to the next kept character");
        assertEquals(speech.text().length(), speech.map(written.length()));
    }

    @Test
    void supplementaryCharactersKeepTheirMapping() {
        String written = "\uD835\uDC00 PLAN: x";
        SpeechLikeText speech = SpeechLikeText.of(written);
        assertEquals(speech.text().indexOf("plan"), speech.map(written.indexOf("PLAN")));
    }
}
