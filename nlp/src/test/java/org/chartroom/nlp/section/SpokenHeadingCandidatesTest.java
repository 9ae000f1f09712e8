package org.chartroom.nlp.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
