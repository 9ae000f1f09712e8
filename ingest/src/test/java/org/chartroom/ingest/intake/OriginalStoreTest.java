package org.chartroom.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.document.Original;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.error.NotFoundException;
import org.chartroom.core.error.PayloadTooLargeException;
import org.chartroom.ingest.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginalStoreTest {
    @TempDir
    Path data;

    private IntakeRecord store(OriginalStore store, byte[] content) {
        try (StagedUpload staged = store.stage(new ByteArrayInputStream(content), 1_000_000)) {
            IntakeRecord record = new IntakeRecord(DocumentId.random(), Fixtures.metadata(), new Original("note.txt",
                    "text/plain", staged.size(), staged.sha256(), Instant.parse("2026-03-14T09:30:00.123456789Z"),
                    "dr.test"));
            store.commit(staged, record);
            return record;
        }
    }

    @Test
    void anAcceptedUploadIsLaidOutByIdWithItsIntakeRecordAndSurvivesReopening() throws Exception {
        byte[] content = Fixtures.text(Fixtures.NOTE);
        IntakeRecord record;
        try (OriginalStore store = OriginalStore.open(data.resolve("originals"))) {
            record = store(store, content);
        }
        String id = record.id().value();
        Path dir = data.resolve("originals").resolve(id.substring(0, 2)).resolve(id);
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("original")));
        String json = Files.readString(dir.resolve("intake.json"));
        assertTrue(json.contains("\"progress_note\""), "types are stored by their wire code");
        assertTrue(json.contains("\"" + id + "\""), "ids are plain strings");

        try (OriginalStore reopened = OriginalStore.open(data.resolve("originals"))) {
            assertEquals(record, reopened.find(record.id()).orElseThrow(), "intake.json round-trips exactly");
            try (InputStream in = reopened.openOriginal(record.id())) {
                assertArrayEquals(content, in.readAllBytes());
            }
        }
    }

    @Test
    void stagingComputesSizeAndDigestWhileCopying() throws Exception {
        byte[] content = Fixtures.text("x".repeat(200_000));
        try (OriginalStore store = OriginalStore.open(data.resolve("originals"));
             StagedUpload staged = store.stage(new ByteArrayInputStream(content), content.length)) {
            assertEquals(content.length, staged.size());
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            assertEquals(expected, staged.sha256());
        }
    }

    @Test
    void aFailedStagingLeavesNoTemporaryFile() throws IOException {
        try (OriginalStore store = OriginalStore.open(data.resolve("originals"))) {
            assertThrows(PayloadTooLargeException.class,
                    () -> store.stage(new ByteArrayInputStream(new byte[2000]), 1000));
            assertEquals(0, countFiles(store.scratchDirectory()));
            StagedUpload abandoned = store.stage(new ByteArrayInputStream(new byte[10]), 1000);
            abandoned.close();
            assertEquals(0, countFiles(store.scratchDirectory()));
        }
    }

    @Test
    void unknownIdsAreNotFound() {
        try (OriginalStore store = OriginalStore.open(data.resolve("originals"))) {
            DocumentId unknown = DocumentId.random();
            assertTrue(store.find(unknown).isEmpty());
            NotFoundException e = assertThrows(NotFoundException.class, () -> store.openOriginal(unknown));
            assertTrue(e.getMessage().contains(unknown.value()));
        }
    }

    @Test
    void openingRemovesTemporaryFilesAndUploadsThatNeverGotAnIntakeRecord() throws IOException {
        IntakeRecord kept;
        try (OriginalStore store = OriginalStore.open(data.resolve("originals"))) {
            kept = store(store, Fixtures.text("kept"));
        }
        // What a crash in the middle of receiving or committing leaves behind.
        Path originals = data.resolve("originals");
        Files.writeString(originals.resolve("tmp").resolve("upload-123.part"), "half an upload");
        Files.writeString(originals.resolve("tmp").resolve("intake-456.part"), "{\"id\":");
        String partial = DocumentId.random().value();
        Path partialDir = Files.createDirectories(originals.resolve(partial.substring(0, 2)).resolve(partial));
        Files.writeString(partialDir.resolve("original"), "moved in, but no intake.json yet");

        try (OriginalStore store = OriginalStore.open(data.resolve("originals"))) {
            assertEquals(0, countFiles(store.scratchDirectory()));
            assertFalse(Files.exists(partialDir));
            assertTrue(store.find(kept.id()).isPresent());
            try (Stream<DocumentId> ids = store.acceptedIds()) {
                assertEquals(List.of(kept.id()), ids.toList());
            }
        }
    }

    @Test
    void acceptedIdsListsEveryAcceptedDocument() {
        try (OriginalStore store = OriginalStore.open(data.resolve("originals"))) {
            Set<DocumentId> expected = Stream.generate(() -> store(store, Fixtures.text("n")).id()).limit(20)
                    .collect(Collectors.toSet());
            try (Stream<DocumentId> ids = store.acceptedIds()) {
                assertEquals(expected, ids.collect(Collectors.toSet()));
            }
        }
    }

    @Test
    void aRecordThatDoesNotDescribeTheBytesIsRefused() {
        try (OriginalStore store = OriginalStore.open(data.resolve("originals"));
             StagedUpload staged = store.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), 100)) {
            IntakeRecord wrong = new IntakeRecord(DocumentId.random(), Fixtures.metadata(), new Original("x",
                    "text/plain", 4, staged.sha256(), Instant.now(), "dr.test"));
            assertThrows(IllegalArgumentException.class, () -> store.commit(staged, wrong));
        }
    }

    @Test
    void onlyOneStoreAtATimeMayOpenADataDirectory() {
        try (OriginalStore first = OriginalStore.open(data.resolve("originals"))) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> OriginalStore.open(data.resolve("originals")));
            assertTrue(e.getMessage().contains("in use"));
        }
        OriginalStore.open(data.resolve("originals")).close();
    }

    @Test
    void storedFilesAreOnlyReadableByTheOwner() throws IOException {
        try (OriginalStore store = OriginalStore.open(data.resolve("originals"))) {
            IntakeRecord record = store(store, "x".getBytes(StandardCharsets.UTF_8));
            Path dir = store.documentDirectory(record.id());
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir)));
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("original"))));
            }
        }
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
