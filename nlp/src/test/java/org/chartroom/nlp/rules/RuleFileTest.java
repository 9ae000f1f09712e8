package org.chartroom.nlp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.chartroom.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;

class RuleFileTest {
    @Test
    void skipsCommentsAndBlankLinesAndKeepsLineNumbers() throws Exception {
        String file = "# a comment\n\nPLAN\tplan\n  # indented comment\nHPI \t history_of_present_illness \n";
        List<RuleLine> lines = RuleFile.parse("test.tsv", new BufferedReader(new StringReader(file)));
        assertEquals(2, lines.size());
        assertEquals(List.of("PLAN", "plan"), lines.get(0).fields());
        assertEquals(3, lines.get(0).lineNumber());
        assertEquals("history_of_present_illness", lines.get(1).field(1));
        assertEquals("", lines.get(1).field(5));
        assertEquals("test.tsv:5", lines.get(1).where());
    }

    @Test
    void aMissingSiteFileIsAConfigurationErrorNamingThePath() {
        Path missing = Path.of("/nonexistent/site-headers.tsv");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> RuleFile.readFile(missing));
        assertTrue(e.getMessage().contains(missing.toString()));
    }

    @Test
    void aMissingResourceIsAConfigurationError() {
        assertThrows(ConfigurationException.class, () -> RuleFile.readResource("no-such-rules.tsv"));
    }

    @Test
    void abbreviationsKnowTitlesAndClinicalAbbreviations() {
        Abbreviations abbreviations = Abbreviations.standard();
        String text = "Seen by Dr. Smith, take 1 tab p.o. daily.";
        assertTrue(abbreviations.isTitleEndingAt(text, text.indexOf("Dr.") + 2));
        assertEquals(Abbreviations.Kind.CLINICAL, abbreviations.endingAt(text, text.indexOf("p.o.") + 3).orElseThrow());
        assertTrue(abbreviations.endingAt(text, text.length() - 1).isEmpty());
    }
}
