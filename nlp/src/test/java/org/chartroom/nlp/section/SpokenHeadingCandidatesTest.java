package org.chartroom.nlp.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chartroom.nlp.section.SpokenHeadingCandidates.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpokenHeadingCandidatesTest {
    private static final SpokenHeadingCandidates CANDIDATES = new SpokenHeadingCandidates(HeaderVocabulary.standard());

    private static String[] words(String text) {
        return text.split(" ");
    }

    @Test
    void theLongestPhraseStartingAtAWordIsTheCandidate() {
        Candidate[] found = CANDIDATES.find(words("past medical history asthma"));
        assertEquals(new Candidate(0, 3, "past medical history", "past_medical_history"), found[0]);
        assertEquals(3, found[0].end());
        assertEquals("medical history", found[1].phrase(), "a shorter phrase inside is a candidate at its own word");
        assertNull(found[3], "asthma starts no header phrase");
    }

    @Test
    void phrasesAreMatchedAsWholeSpokenWords() {
        Candidate[] found = CANDIDATES.find(words("review of systems negative"));
        assertEquals("review of systems", found[0].phrase());
        assertEquals("review_of_systems", found[0].type());
        assertNull(CANDIDATES.find(words("reviewed"))[0]);
    }

    @Test
    void singleLetterPhrasesAreNotCandidates() {
        assertTrue(HeaderVocabulary.standard().knows("P"), "the vocabulary knows the written SOAP label P:");
        assertNull(CANDIDATES.find(words("p"))[0]);
        assertNull(CANDIDATES.find(words("a"))[0]);
    }

    @Test
    void aSitePhraseBecomesASpokenCandidate(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site.tsv");
        Files.writeString(site, "WOUND CHECK\tfindings\n");
        SpokenHeadingCandidates withSite = new SpokenHeadingCandidates(HeaderVocabulary.withSiteFile(site));
        assertNull(CANDIDATES.find(words("wound check healing well"))[0]);
        assertEquals(new Candidate(0, 2, "wound check", "findings"),
                withSite.find(words("wound check healing well"))[0]);
    }

    @Test
    void aWordBeforeAPhraseMakesAModifiedCandidateButAFunctionWordOrNumberDoesNot() {
        Candidate[] found = CANDIDATES.find(words("pathological findings benign the findings 3 findings"));
        assertEquals(new Candidate(0, 2, "pathological findings", "findings", true), found[0]);
        assertEquals("findings", found[0].knownPhrase());
        assertEquals("findings", found[1].phrase(), "the known phrase stays a candidate of its own");
        assertNull(found[3], "a function word does not modify a heading");
        assertNull(found[5], "nor does a number");
    }

    @Test
    void learnedPhrasesAreCandidatesTypedByTheVocabulary() {
        SpokenHeadingCandidates learned = new SpokenHeadingCandidates(HeaderVocabulary.standard(),
                List.of("sleep diary"));
        assertNull(CANDIDATES.find(words("sleep diary six hours"))[0]);
        Candidate found = learned.find(words("sleep diary six hours"))[0];
        assertEquals("sleep diary", found.phrase());
        assertEquals(HeaderVocabulary.standard().classify("SLEEP DIARY"), found.type());
        assertFalse(found.modified());
    }
}
