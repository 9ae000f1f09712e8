package org.chartroom.nlp.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DescriptionWordsTest {
    private static void check(String description, List<String> stated, List<String> negated) {
        DescriptionWords w = DescriptionWords.of(description);
        assertEquals(Set.copyOf(stated), w.stated(), description);
        assertEquals(Set.copyOf(negated), w.negated(), description);
    }

    @Test
    void aNegationReachesTheNextCommaOrAnOfOrWithThatReturnsToTheCondition() {
        check("Unilateral inguinal hernia, without obstruction or gangrene, not specified as recurrent",
                List.of("unilater", "inguin", "hernia"), List.of("obstruct", "gangren", "specifi", "recurr"));
        check("Laceration without foreign body of scalp", List.of("lacer", "scalp"), List.of("foreign", "bodi"));
        check("Concussion without loss of consciousness", List.of("concuss"), List.of("loss", "conscious"));
        check("Migraine without aura, not intractable, without status migrainosus", List.of("migrain"),
                List.of("aura", "intract", "status", "migrainosus"));
    }

    @Test
    void wordsInParenthesesAreStatedButNonessential() {
        DescriptionWords w = DescriptionWords.of("Acute systolic (congestive) heart failure");
        assertEquals(Set.of("acut", "systol", "congest", "heart", "failur"), w.stated());
        assertEquals(Set.of("congest"), w.nonessential());
    }
}
