package org.chartroom.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class ClinicalAnalyzerTest {
    static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    @Test
    void lowercasesFoldsStemsAndKeepsNegations() throws IOException {
        try (ClinicalAnalyzer analyzer = new ClinicalAnalyzer()) {
            assertEquals(List.of("patient", "fracture", "no", "fever", "not", "the", "cafe", "visit"),
                    tokens(analyzer, "text", "Patient's FRACTURES: no fever, not the café visits"));
        }
    }

    @Test
    void keywordFieldsAreOneExactTerm() throws IOException {
        try (ClinicalAnalyzer text = new ClinicalAnalyzer(); KeywordAnalyzer keyword = new KeywordAnalyzer();
             Analyzer perField = ClinicalAnalyzer.perField(text, keyword)) {
            assertEquals(List.of("Dr. Grey"), tokens(perField, IndexSchema.AUTHOR, "Dr. Grey"));
            assertEquals(List.of("discharge_summary"), tokens(perField, IndexSchema.TYPE, "discharge_summary"));
            assertEquals(List.of("dr", "grey"), tokens(perField, IndexSchema.TEXT, "Dr. Grey"));
            assertEquals(List.of("aspirin"), tokens(perField, IndexSchema.sectionField("medications"), "Aspirin"));
        }
    }

    @Test
    void sectionFieldNamesAreQueryable() {
        assertEquals("section_medications", IndexSchema.sectionField("medications"));
        assertEquals("section_past_medical_history", IndexSchema.sectionField(" Past Medical-History "));
        assertThrows(IllegalArgumentException.class, () -> IndexSchema.sectionField(" "));
    }
}
