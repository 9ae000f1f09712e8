package org.chartroom.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.chartroom.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class DocumentMetadataTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

    @Test
    void trimsTextAndTurnsAbsentOptionalFieldsIntoEmptyStrings() {
        DocumentMetadata m = new DocumentMetadata("MRN-1", "  Jane Roe ", null, DocumentType.CONSULTATION,
                "Dr. A", DAY, null);
        assertEquals("Jane Roe", m.patientName());
        assertEquals("", m.encounterId());
        assertEquals("", m.specialty());
    }

    @Test
    void requiredFieldsNameThemselvesWhenMissing() {
        assertTrue(assertThrows(InvalidInputException.class, () -> new DocumentMetadata("MRN-1", " ", "",
                DocumentType.OTHER, "a", DAY, "")).getMessage().contains("patientName"));
        assertTrue(assertThrows(InvalidInputException.class, () -> new DocumentMetadata("../x", "n", "",
                DocumentType.OTHER, "a", DAY, "")).getMessage().contains("patientMrn"));
        assertTrue(assertThrows(InvalidInputException.class, () -> new DocumentMetadata("M1", "n", "",
                null, "a", DAY, "")).getMessage().contains("discharge_summary"));
        assertTrue(assertThrows(InvalidInputException.class, () -> new DocumentMetadata("M1", "n", "",
                DocumentType.OTHER, "a", null, "")).getMessage().contains("serviceDate"));
    }

    @Test
    void controlCharactersAndOverlongValuesAreRefused() {
        assertThrows(InvalidInputException.class, () -> new DocumentMetadata("M1", "a\u0000b", "",
                DocumentType.OTHER, "a", DAY, ""));
        assertThrows(InvalidInputException.class, () -> new DocumentMetadata("M1", "x".repeat(201), "",
                DocumentType.OTHER, "a", DAY, ""));
    }

    @Test
    void documentTypesParseFromCodeNameOrDisplay() {
        assertEquals(DocumentType.DISCHARGE_SUMMARY, DocumentType.parse("discharge_summary"));
        assertEquals(DocumentType.DISCHARGE_SUMMARY, DocumentType.parse("Discharge summary"));
        assertEquals(DocumentType.HISTORY_AND_PHYSICAL, DocumentType.parse("HISTORY_AND_PHYSICAL"));
        assertTrue(assertThrows(InvalidInputException.class, () -> DocumentType.parse("poem")).getMessage()
                .contains("operative_report"));
    }
}
