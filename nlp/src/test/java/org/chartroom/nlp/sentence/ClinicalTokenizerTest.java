package org.chartroom.nlp.sentence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.chartroom.core.text.TextSpan;
import org.junit.jupiter.api.Test;

class ClinicalTokenizerTest {
    private static final ClinicalTokenizer TOKENIZER = new ClinicalTokenizer();

    private static List<String> tokens(String text) {
        return TOKENIZER.words(text);
    }

    @Test
    void dosingAbbreviationsKeepTheirPeriodsAndDecimalsStayWhole() {
        assertEquals(List.of("Take", "aspirin", "2.5", "mg", "p.o.", "b.i.d.", "with", "food", "."),
                tokens("Take aspirin 2.5 mg p.o. b.i.d. with food."));
        assertEquals(List.of("Lasix", "40", "mg", "IV", "q.12h.", "and", "metoprolol", "25", "mg", "q.d."),
                tokens("Lasix 40 mg IV q.12h. and metoprolol 25 mg q.d."));
    }

    @Test
    void titlesCountsAndRatios() {
        assertEquals(List.of("Seen", "by", "Dr.", "Smith", "x3", "today", ";", "BP", "120/80", ",", "HR", "72", "."),
                tokens("Seen by Dr. Smith x3 today; BP 120/80, HR 72."));
    }

    @Test
    void unlistedDottedAbbreviationsAndInitials() {
        assertEquals(List.of("1-2", "tabs", "q.4-6h.", "p.r.n.", "pain"), tokens("1-2 tabs q.4-6h. p.r.n. pain"));
        assertEquals(List.of("Dr.", "A.", "B.", "Smith"), tokens("Dr. A. B. Smith"));
    }

    @Test
    void aListNumberAtTheStartIsOneTokenButASentenceEndIsNot() {
        assertEquals(List.of("1.", "Hypertension", "."), tokens("1.  Hypertension."));
        assertEquals(List.of("She", "is", "45", "."), tokens("She is 45."));
    }

    @Test
    void upperCaseHeadersAndTheirColons() {
        assertEquals(List.of("PHYSICAL", "EXAMINATION", ":", "VITAL", "SIGNS", ":", "Temp", "98.6"),
                tokens("PHYSICAL EXAMINATION:  VITAL SIGNS:  Temp 98.6"));
    }

    @Test
    void speechWithoutPunctuationIsWords() {
        assertEquals(List.of("blood", "pressure", "120", "over", "80", "pulse", "72"),
                tokens("blood pressure 120 over 80 pulse 72"));
    }

    @Test
    void spansPointIntoTheTextInsideTheRange() {
        String text = "HISTORY:  He takes Tylenol p.r.n. for pain.";
        TextSpan sentence = new TextSpan(text.indexOf("He"), text.length());
        List<TextSpan> spans = TOKENIZER.tokenize(text, sentence);
        assertEquals(text.indexOf("He"), spans.get(0).start());
        assertEquals(List.of("He", "takes", "Tylenol", "p.r.n.", "for", "pain", "."),
                spans.stream().map(s -> s.of(text)).toList());
        assertEquals(List.of(), TOKENIZER.tokenize(""));
        assertEquals(List.of(), TOKENIZER.tokenize(null));
    }
}
