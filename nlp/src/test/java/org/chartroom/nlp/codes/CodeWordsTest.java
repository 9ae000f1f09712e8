package org.chartroom.nlp.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CodeWordsTest {
    @Test
    void lowerCaseStemmedWithoutFunctionWords() {
        assertEquals(List.of("fractur", "shaft", "left", "tibia"), CodeWords.of("Fractures of the shaft of left tibia"));
        assertEquals(List.of("s82", "20"), CodeWords.of("S82.20"));
    }
}
