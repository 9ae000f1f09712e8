package org.chartroom.nlp.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.codes.CodeWords;
import org.junit.jupiter.api.Test;

class ConceptFinderTest {
    private final ConceptFinder finder = new ConceptFinder(new ConceptDictionary(Set.of(
            CodeWords.of("fracture"), CodeWords.of("hernia"), CodeWords.of("heart failure"))));

    private List<String> find(String text) {
        return finder.find(text, new TextSpan(0, text.length())).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void theMentionIsWidenedToItsNounPhrase() {
        assertEquals(List.of("Left tibial shaft fracture"), find("Left tibial shaft fracture."));
        assertEquals(List.of("fracture of the left hip"), find("She has a fracture of the left hip."));
    }

    @Test
    void functionWordsAndTriggersAreNotPartOfTheMention() {
        assertEquals(List.of("hernia", "congestive heart failure"),
                find("No hernia and congestive heart failure."));
    }

    @Test
    void abbreviationsAreConceptsEvenWithoutACodeIndex() {
        ConceptFinder abbreviations = new ConceptFinder(ConceptDictionary.abbreviations());
        String text = "History of HTN and CHF.";
        assertEquals(List.of("HTN", "CHF"), abbreviations.find(text, new TextSpan(0, text.length())).stream()
                .map(s -> s.of(text)).toList());
    }
}
