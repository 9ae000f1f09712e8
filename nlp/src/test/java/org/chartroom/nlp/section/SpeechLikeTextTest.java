package org.chartroom.nlp.section;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

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

    @Test
    void mapsTransformedOffsetsBackToTheOriginal() {
        String written = "Pain.,History of Present Illness:  He's 45.";
        SpeechLikeText speech = SpeechLikeText.of(written);
        assertEquals("pain history of present illness hes 45", speech.text());
        int start = speech.text().indexOf("history");
        int end = speech.text().indexOf(" hes");
        assertEquals("History of Present Illness",
                written.substring(speech.original(start), speech.originalEnd(end)));
        assertEquals(written.indexOf("45"), speech.original(speech.text().indexOf("45")));
        assertEquals(written.length(), speech.original(speech.text().length()));
    }

    @Test
    void splitsIntoWordSpans() {
        SpeechLikeText speech = SpeechLikeText.of("  HEENT:  Normal, neck-supple.  ");
        assertEquals(List.of("heent", "normal", "neck", "supple"), speech.wordSpans().stream()
                .map(s -> speech.text().substring(s[0], s[1])).toList());
        assertEquals(List.of(), SpeechLikeText.of(" .,; ").wordSpans());
    }
}
