package org.chartroom.nlp.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.codes.CodeWords;
import org.junit.jupiter.api.Test;

class ConceptFinderTest {
    private final ConceptFinder finder = new ConceptFinder(new ConceptDictionary(Set.of(
            CodeWords.of("fracture"), CodeWords.of("hernia"), CodeWords.of("heart failure"), CodeWords.of("diabetes"),
            CodeWords.of("anemia"), CodeWords.of("kidney disease"))));

    private List<String> find(String text) {
        return finder.find(text, new TextSpan(0, text.length())).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void theMentionIsWidenedToItsNounPhrase() {
        assertEquals(List.of("Left tibial shaft fracture"), find("Left tibial shaft fracture."));
        assertEquals(List.of("fracture of the left hip"), find("She has a fracture of the left hip."));
    }

    @Test
    void theMentionTakesItsTypeTrailingWordsAndWhatAConnectorJoins() {
        assertEquals(List.of("Type 2 diabetes mellitus with diabetic nephropathy"),
                find("Type 2 diabetes mellitus with diabetic nephropathy."));
        assertEquals(List.of("Anemia due to chronic blood loss"), find("Anemia due to chronic blood loss, stable."));
        assertEquals(List.of("Stage 3 chronic kidney disease"), find("Stage 3 chronic kidney disease."));
        // A list number is no type; "and" ends the complement.
        assertEquals(List.of("diabetes", "hernia"), find("1. diabetes and hernia"));
        assertEquals(List.of("diabetes with neuropathy", "hernia"), find("diabetes with neuropathy and hernia"));
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
