package org.chartroom.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.text.Annotation;
import org.junit.jupiter.api.Test;

class SignatureTest {
    private static final Instant T = Instant.parse("2026-03-15T10:00:00Z");

    static DocumentVersion version(int n, String text) {
        return new DocumentVersion(n, T, "tina", DocumentVersion.EDIT, text, List.of(), Annotation.EMPTY);
    }

    @Test
    void theDigestIsTheSha256OfTheUtf8Text() {
        // FIPS 180-2 test vector, and a text outside ASCII (digested as UTF-8, not as the platform's charset).
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Signature.digest("abc"));
        assertEquals("4feb594d371aa3e6ef36b3954d218ec217af5cd472f46cb290abf7bbc8a13348",
                Signature.digest("\u00dcbelkeit"));
        assertFalse(Signature.digest("PLAN: Rest.").equals(Signature.digest("PLAN: Rest. ")));
    }

    @Test
    void aSignatureRecordsWhoWhenWhatAndMatchesOnlyTheExactTextOfItsVersion() {
        DocumentVersion v2 = version(2, "PLAN: Rest and fluids.");
        Signature s = Signature.of(v2, "osler", "Dr. Osler", T, "  I attest this is accurate.  ");
        assertEquals(2, s.version());
        assertEquals("osler", s.signedBy());
        assertEquals("Dr. Osler", s.signerName());
        assertEquals(T, s.signedAt());
        assertEquals("I attest this is accurate.", s.attestation());
        assertEquals(Signature.digest("PLAN: Rest and fluids."), s.textSha256());
        assertTrue(s.matches(v2));
        assertFalse(s.matches(version(2, "PLAN: Rest and fluid.")), "an altered text no longer matches");
        assertFalse(s.matches(version(3, "PLAN: Rest and fluids.")),
                "the same words in another version are not signed");
    }

    @Test
    void aSignatureNeedsAOneLineAttestation() {
        DocumentVersion v1 = version(1, "PLAN: Rest.");
        for (String bad : new String[] {null, "", "   "}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Signature.of(v1, "osler", "Dr. Osler", T, bad));
            assertTrue(e.getMessage().contains("\"attestation\""), e.getMessage());
        }
        assertThrows(InvalidInputException.class, () -> Signature.of(v1, "osler", "Dr. Osler", T, "a\nb"));
        assertThrows(InvalidInputException.class, () -> Signature.of(v1, "osler", "Dr. Osler", T,
                "x".repeat(Signature.MAX_ATTESTATION + 1)));
    }
}
