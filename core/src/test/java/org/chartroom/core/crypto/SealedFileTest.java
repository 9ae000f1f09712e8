package org.chartroom.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.SecretKey;
import org.chartroom.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealedFileTest {
    private static final int SEGMENT = SealedFile.SEGMENT_BYTES;
    private final SecretKey oldKey = KeyRing.newKey();
    private final KeyRing keys = new KeyRing(oldKey, List.of(), "test");

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT, 3 * SEGMENT + 5})
    void roundTripsAnySizeIncludingSegmentBoundaries(int length) throws IOException {
        byte[] plain = random(length);
        byte[] sealed = SealedFile.seal(plain, keys);
        assertArrayEquals(plain, SealedFile.open(sealed, keys));
        int segments = length / SEGMENT + (length % SEGMENT == 0 && length > 0 ? 0 : 1);
        assertEquals(SealedFile.HEADER_BYTES + length + segments * SealedFile.TAG_BYTES, sealed.length);
    }

    @Test
    void ciphertextDoesNotContainThePlaintext() {
        byte[] plain = "Patient Zebediah Quux, MRN-99172, reports a lanthanum taste".repeat(50)
                .getBytes(StandardCharsets.UTF_8);
        byte[] sealed = SealedFile.seal(plain, keys);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Zebediah"));
        byte[] again = SealedFile.seal(plain, keys);
        assertFalse(Arrays.equals(sealed, again), "a fresh data key and nonce for every object");
    }

    @Test
    void aFlippedBitAnywhereAfterTheHeaderIsCaught() {
        byte[] sealed = SealedFile.seal(random(2 * SEGMENT + 100), keys);
        for (int at : new int[] {SealedFile.HEADER_BYTES, SealedFile.HEADER_BYTES + SEGMENT + 3, sealed.length - 1}) {
            byte[] damaged = sealed.clone();
            damaged[at] ^= 1;
            assertThrows(IntegrityException.class, () -> SealedFile.open(damaged, keys));
        }
    }

    @Test
    void truncationAtASegmentBoundaryIsCaught() {
        byte[] sealed = SealedFile.seal(random(2 * SEGMENT + 100), keys);
        byte[] cut = Arrays.copyOf(sealed, SealedFile.HEADER_BYTES + 2 * (SEGMENT + SealedFile.TAG_BYTES));
        assertThrows(IntegrityException.class, () -> SealedFile.open(cut, keys));
        byte[] headerOnly = Arrays.copyOf(sealed, SealedFile.HEADER_BYTES);
        assertThrows(IntegrityException.class, () -> SealedFile.open(headerOnly, keys));
    }

    @Test
    void reorderedSegmentsAreCaught() {
        byte[] sealed = SealedFile.seal(random(3 * SEGMENT), keys);
        int segment = SEGMENT + SealedFile.TAG_BYTES;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, SealedFile.HEADER_BYTES, swapped, SealedFile.HEADER_BYTES + segment, segment);
        System.arraycopy(sealed, SealedFile.HEADER_BYTES + segment, swapped, SealedFile.HEADER_BYTES, segment);
        assertThrows(IntegrityException.class, () -> SealedFile.open(swapped, keys));
    }

    @Test
    void aDamagedWrappedKeyIsCaught() {
        byte[] sealed = SealedFile.seal(random(10), keys);
        sealed[20] ^= 1;
        assertThrows(IntegrityException.class, () -> SealedFile.open(sealed, keys));
    }

    @Test
    void anotherMasterKeyIsAConfigurationErrorNamingTheSettings() {
        byte[] sealed = SealedFile.seal(random(10), keys);
        KeyRing other = new KeyRing(KeyRing.newKey(), List.of(), "test");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SealedFile.open(sealed, other));
        assertTrue(e.getMessage().contains(MasterKeys.MASTER_KEY), e.getMessage());
        assertTrue(e.getMessage().contains(keys.currentId().hex()), e.getMessage());
    }

    @Test
    void rewrapMovesTheFileToTheNewKeyWithoutTouchingTheSegments(@TempDir Path dir) throws IOException {
        byte[] plain = random(SEGMENT + 7);
        Path file = dir.resolve("object");
        Files.write(file, SealedFile.seal(plain, keys));
        byte[] before = Files.readAllBytes(file);

        SecretKey newKey = KeyRing.newKey();
        KeyRing rotated = new KeyRing(newKey, List.of(oldKey), "test");
        assertTrue(SealedFile.rewrap(file, rotated));
        assertFalse(SealedFile.rewrap(file, rotated), "already under the current key");
        assertEquals(rotated.currentId(), SealedFile.keyId(file));
        byte[] after = Files.readAllBytes(file);
        assertArrayEquals(Arrays.copyOfRange(before, SealedFile.HEADER_BYTES - 11, before.length),
                Arrays.copyOfRange(after, SealedFile.HEADER_BYTES - 11, after.length));

        KeyRing newOnly = new KeyRing(newKey, List.of(), "test");
        assertArrayEquals(plain, SealedFile.open(after, newOnly));
        assertThrows(ConfigurationException.class, () -> SealedFile.open(after, keys));
    }
}
