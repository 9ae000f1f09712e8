package org.chartroom.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chartroom.core.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DocumentIdTest {

    @Test
    void randomIdsAreCanonicalAndDistinct() {
        DocumentId a = DocumentId.random();
        DocumentId b = DocumentId.random();
        assertNotEquals(a, b);
        assertEquals(a, DocumentId.parse(a.value()));
        assertTrue(DocumentId.isValid(a.value()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..", "/", "3F2B8C1E-0D4A-4C7E-9A51-6B2F0C9D8E71",
            " 3f2b8c1e-0d4a-4c7e-9a51-6b2f0c9d8e71", "3f2b8c1e-0d4a-4c7e-9a51-6b2f0c9d8e71/..", "", "abc",
            "3f2b8c1e-0d4a-4c7e-9a51-6b2f0c9d8e7\u0000"})
    void pathLikeOrMalformedIdsAreRefusedWithAReason(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DocumentId.parse(text));
        assertTrue(e.getMessage().contains("not a valid document id"));
    }
}
