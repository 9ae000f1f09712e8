package org.chartroom.nlp.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SectionTypeCatalogueTest {
    private final SectionTypeCatalogue catalogue = SectionTypeCatalogue.standard();

    @Test
    void loadsTheFortyFourTypesAndTheCatchAll() {
        assertEquals(45, catalogue.all().size());
        assertEquals("chief_complaint", catalogue.all().get(0).name());
        assertTrue(catalogue.contains(SectionTypeCatalogue.OTHER));
    }

    @Test
    void aTypeCarriesItsLoincCodeWhereOneIsEstablished() {
        SectionType hpi = catalogue.find("history_of_present_illness").orElseThrow();
        assertEquals("10164-2", hpi.loincCode().orElseThrow());
        assertEquals("History of present illness", hpi.display());
        assertTrue(catalogue.find("exam_subsection").orElseThrow().loincCode().isEmpty());
    }

    @Test
    void anUnknownTypeLooksUpAsOther() {
        assertFalse(catalogue.contains("no_such_type"));
        assertEquals(SectionTypeCatalogue.OTHER, catalogue.lookup("no_such_type").name());
        assertEquals("plan", catalogue.lookup("plan").name());
    }

    @Test
    void everyTypeTheVocabularyUsesIsInTheCatalogue() {
        HeaderVocabulary.standard().phrases().values().forEach(type -> assertTrue(catalogue.contains(type), type));
    }
}
