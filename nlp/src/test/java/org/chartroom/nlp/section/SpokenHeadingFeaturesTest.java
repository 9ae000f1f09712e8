package org.chartroom.nlp.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.chartroom.nlp.section.SpokenHeadingCandidates.Candidate;
import org.junit.jupiter.api.Test;

class SpokenHeadingFeaturesTest {
    private static final SpokenHeadingCandidates CANDIDATES = new SpokenHeadingCandidates(HeaderVocabulary.standard());
    private static final SpokenHeadingFeatures FEATURES = new SpokenHeadingFeatures(CANDIDATES);

    private static List<String> featuresAt(String text, int word, String lastType, int gap) {
        String[] words = text.split(" ");
        Candidate[] found = CANDIDATES.find(words);
        return List.of(FEATURES.of(words, found, found[word], lastType, gap));
    }

    @Test
    void describeThePhraseItsNeighboursAndTheirClasses() {
        List<String> f = featuresAt("vitals 72 heent normocephalic neck supple", 2, "vital_signs", 2);
        assertTrue(f.contains("p=heent"), f.toString());
        assertTrue(f.contains("t=exam_subsection"), f.toString());
        assertTrue(f.contains("w-1=72"), f.toString());
        assertTrue(f.contains("c-1=NUM"), "a number before");
        assertTrue(f.contains("w+1=normocephalic"), f.toString());
        assertTrue(f.contains("c+1=W"), f.toString());
        assertTrue(f.contains("last|t=vital_signs|exam_subsection"), f.toString());
        assertTrue(f.contains("nt=exam_subsection"), "the next candidate (neck) is an exam subsection");
        assertTrue(f.contains("nd=0-2"), f.toString());
        assertTrue(f.contains("pt=vital_signs"), "the previous candidate (vitals) is a vital sign");
    }

    @Test
    void functionWordsAreTheirOwnClassAndTheTextEdgesAreMarked() {
        List<String> f = featuresAt("procedure was explained", 0, SpokenHeadingFeatures.NO_HEADING, 0);
        assertTrue(f.contains("c+1=F:was"), f.toString());
        assertTrue(f.contains("w-1=<s>"), f.toString());
        assertTrue(f.contains("textStart"), f.toString());
        assertTrue(f.contains("last=none"), f.toString());
        List<String> end = featuresAt("the plan", 1, SpokenHeadingFeatures.NO_HEADING, 1);
        assertTrue(end.contains("c-1=F:the"), end.toString());
        assertTrue(end.contains("w+1=</s>"), end.toString());
    }

    @Test
    void aModifiedPhraseIsDescribedByItsKnownPhraseAndTheWordInFront() {
        List<String> f = featuresAt("pathological findings benign", 0, SpokenHeadingFeatures.NO_HEADING, 0);
        assertTrue(f.contains("modified=true"), f.toString());
        assertTrue(f.contains("p=+ findings"), f.toString());
        assertTrue(f.contains("mod=pathological"), f.toString());
        assertTrue(f.contains("modClass=W"), f.toString());
        assertTrue(featuresAt("findings benign", 0, SpokenHeadingFeatures.NO_HEADING, 0).contains("modified=false"));
    }

    @Test
    void wordClasses() {
        assertEquals("NUM", FEATURES.wordClass("120"));
        assertEquals("LETTER", FEATURES.wordClass("x"));
        assertEquals("HW", FEATURES.wordClass("allergies"), "a word that starts a header phrase");
        assertEquals("W", FEATURES.wordClass("normocephalic"));
        assertEquals("F:of", FEATURES.wordClass("of"));
    }
}
