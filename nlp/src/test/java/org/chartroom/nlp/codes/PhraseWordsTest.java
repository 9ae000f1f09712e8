package org.chartroom.nlp.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chartroom.nlp.rules.RuleFile;
import org.junit.jupiter.api.Test;

/** A coder's phrase read as the index reads it: written forms, negation, synonyms, compounds. */
class PhraseWordsTest {
    /** A vocabulary of a few index entries. */
    private static TermTable vocabulary(String... entries) {
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> required = new ArrayList<>();
        for (String e : entries) {
            required.add(TermTable.intern(ids, String.join(" ", CodeWords.of(e))));
        }
        int n = entries.length;
        return new TermTable.Rows(required, nCopies(n, new int[0]), nCopies(n, new int[0]),
                java.util.Collections.nCopies(n, 1), java.util.Collections.nCopies(n, "X00"),
                java.util.Collections.nCopies(n, TermSource.INDEX)).table(ids);
    }

    private static List<int[]> nCopies(int n, int[] value) {
        return new ArrayList<>(java.util.Collections.nCopies(n, value));
    }

    private static final PhraseWords PHRASES = new PhraseWords(
            RuleFile.readResource(CodeSuggester.PATTERNS), RuleFile.readResource(CodeSuggester.SYNONYMS),
            vocabulary("fracture orbit floor blow out", "gastroesophageal reflux disease", "migraine aura",
                    "displacement intervertebral disc lumbar", "kidney disease stage 3"));

    private static List<String> stated(String phrase) {
        return PHRASES.of(phrase).stream().filter(w -> !w.negated()).map(PhraseWords.Word::word).toList();
    }

    private static List<String> negated(String phrase) {
        return PHRASES.of(phrase).stream().filter(PhraseWords.Word::negated).map(PhraseWords.Word::word).toList();
    }

    @Test
    void whatAPhraseNegatesIsSetApart() {
        assertEquals(List.of("migrain"), stated("Migraine without aura"));
        assertEquals(List.of("aura"), negated("Migraine without aura"));
    }

    @Test
    void writtenFormsAreRewritten() {
        assertEquals(List.of("stage", "3", "chronic", "kidney", "diseas"), stated("Stage III chronic kidney disease"));
        assertTrue(stated("Depressive disorder, not otherwise specified").contains("unspecifi"));
        assertTrue(stated("HNP L4-5").containsAll(List.of("displac", "intervertebr", "disc", "lumbar")),
                stated("HNP L4-5").toString());
        assertTrue(stated("Herniated disc at L5-S1").contains("lumbosacr"), stated("Herniated disc at L5-S1").toString());
    }

    @Test
    void compoundsAreSplitOrJoinedAsTheIndexWritesThem() {
        assertEquals(List.of("right", "orbit", "blow", "out", "fractur"), stated("Right orbital blowout fracture"));
        PhraseWords.Word gastro = PHRASES.of("gastro-esophageal reflux").get(0);
        assertEquals("gastro", gastro.word());
        assertEquals(Set.of("gastroesophag"), gastro.alternatives());
    }

    @Test
    void abbreviationsAreReplacedAndAdjectivesGetTheirNoun() {
        assertEquals(List.of("gastro", "esophag", "reflux", "diseas"), stated("GERD"));
        PhraseWords.Word renal = PHRASES.of("renal colic").get(0);
        assertTrue(renal.alternatives().contains("kidney"), renal.toString());
    }
}
