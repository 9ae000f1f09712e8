package org.chartroom.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.IntegrityException;
import org.chartroom.core.crypto.KeyRing;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.document.Original;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.ingest.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedOriginalStoreTest {
    private static final String PHRASE = "a plume of xanthochromic fluid";
    private final SecretKey master = KeyRing.newKey();
    private final Encryption encryption = Encryption.with(new KeyRing(master, List.of(), "test"));

    @TempDir
    Path data;

    private Path originals() {
        return data.resolve("originals");
    }

    private IntakeRecord store(OriginalStore store, byte[] content) throws IOException {
        try (StagedUpload staged = store.stage(new ByteArrayInputStream(content), 1_000_000)) {
            assertNoFileContains(originals(), PHRASE);
            try (InputStream in = staged.openContent()) {
                assertArrayEquals(content, in.readAllBytes(), "the staged content reads back decrypted");
            }
            IntakeRecord record = new IntakeRecord(DocumentId.random(), Fixtures.metadata(), new Original("note.txt",
                    "text/plain", staged.size(), staged.sha256(), Instant.now(), "dr.test"));
            store.commit(staged, record);
            return record;
        }
    }

    private static byte[] note() {
        return ("HISTORY: " + PHRASE + " ").repeat(5000).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void originalsAndIntakeRecordsAreSealedOnDiskAndReadBackDecrypted() throws IOException {
        byte[] content = note();
        IntakeRecord record;
        try (OriginalStore store = OriginalStore.open(originals(), encryption)) {
            record = store(store, content);
        }
        assertNoFileContains(originals(), PHRASE);
        assertNoFileContains(originals(), Fixtures.metadata().patientMrn());
        assertNoFileContains(originals(), Fixtures.metadata().patientName());
        try (OriginalStore store = OriginalStore.open(originals(), encryption)) {
            assertEquals(record, store.find(record.id()).orElseThrow());
            try (InputStream in = store.openOriginal(record.id())) {
                assertArrayEquals(content, in.readAllBytes());
            }
            assertEquals(Map.of(encryption.keys().orElseThrow().currentId().hex(), 2), store.objectsByKey());
        }
    }

    @Test
    void anAlteredOriginalFailsItsIntegrityCheckWhenRead() throws IOException {
        IntakeRecord record;
        try (OriginalStore store = OriginalStore.open(originals(), encryption)) {
            record = store(store, note());
            Path original = store.documentDirectory(record.id()).resolve(OriginalStore.ORIGINAL);
            byte[] bytes = Files.readAllBytes(original);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(original, bytes);
            try (InputStream in = store.openOriginal(record.id())) {
                assertThrows(IntegrityException.class, in::readAllBytes);
            }
            Path intake = store.documentDirectory(record.id()).resolve(OriginalStore.INTAKE);
            byte[] json = Files.readAllBytes(intake);
            json[json.length - 1] ^= 0x01;
            Files.write(intake, json);
            assertThrows(UncheckedIOException.class, () -> store.find(record.id()));
        }
    }

    @Test
    void anotherMasterKeyIsAConfigurationError() throws IOException {
        IntakeRecord record;
        try (OriginalStore store = OriginalStore.open(originals(), encryption)) {
            record = store(store, note());
        }
        Encryption other = Encryption.with(new KeyRing(KeyRing.newKey(), List.of(), "test"));
        try (OriginalStore store = OriginalStore.open(originals(), other)) {
            assertThrows(ConfigurationException.class, () -> store.find(record.id()));
        }
    }

    @Test
    void rewrapMovesEveryObjectToTheNewKeyAndTheOldKeyCanGo() throws IOException {
        byte[] content = note();
        IntakeRecord record;
        try (OriginalStore store = OriginalStore.open(originals(), encryption)) {
            record = store(store, content);
            store(store, "another".getBytes(StandardCharsets.UTF_8));
        }
        SecretKey next = KeyRing.newKey();
        KeyRing rotating = new KeyRing(next, List.of(master), "test");
        try (OriginalStore store = OriginalStore.open(originals(), Encryption.with(rotating))) {
            assertEquals(4, store.rewrap(rotating));
            assertEquals(0, store.rewrap(rotating), "running it again is harmless");
            assertEquals(Map.of(rotating.currentId().hex(), 4), store.objectsByKey());
        }
        try (OriginalStore store = OriginalStore.open(originals(),
                Encryption.with(new KeyRing(next, List.of(), "test")))) {
            assertEquals(record, store.find(record.id()).orElseThrow());
            try (InputStream in = store.openOriginal(record.id())) {
                assertArrayEquals(content, in.readAllBytes());
            }
        }
    }

    static void assertNoFileContains(Path root, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String haystack = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(haystack.contains(new String(needle, StandardCharsets.ISO_8859_1)),
                        root.relativize(file) + " holds plaintext");
            }
        }
        assertTrue(needle.length > 0);
    }
}
