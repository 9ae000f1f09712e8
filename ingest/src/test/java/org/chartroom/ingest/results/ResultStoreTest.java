package org.chartroom.ingest.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.chartroom.core.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.KeyRing;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.core.text.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    private final SecretKey master = KeyRing.newKey();
    private final KeyRing keys = new KeyRing(master, List.of(), "test");

    @TempDir
    Path dir;

    @Test
    void theFurthestResultWinsAndEveryResultRoundTripsSealed() throws Exception {
        ResultStore store = ResultStore.open(dir, Encryption.with(keys));
        DocumentId id = DocumentId.random();
        assertEquals(StoredResult.NONE, store.furthest(id, 1));
        ExtractedText text = new ExtractedText("image/png", "scan text", List.of(new Page(1, "scan text", true, 0.9)));
        store.saveText(id, 1, new TextResult("ocr", text));
        assertEquals(StoredResult.text(new TextResult("ocr", text)), store.furthest(id, 1));
        DocumentVersion draft = new DocumentVersion(1, Instant.parse("2026-03-14T10:00:00Z"), "pipeline", "ocr",
                "scan text", text.pages(), Annotation.EMPTY);
        store.saveDraft(id, 1, draft);
        assertEquals(StoredResult.draft(draft), store.furthest(id, 1));
        assertEquals(StoredResult.Kind.NONE, store.furthestKind(id, 2), "versions are apart");
        store.saveFailure(id, 1, "no text");
        assertEquals(StoredResult.failed("no text"), store.furthest(id, 1));
        assertEquals(List.of(id), store.documents());
        assertEquals(3, store.objectsByKey().get(keys.currentId().hex()));

        KeyRing rotated = new KeyRing(KeyRing.newKey(), List.of(master), "rotated");
        assertEquals(3, store.rewrap(rotated));
        assertEquals(StoredResult.failed("no text"), ResultStore.open(dir, Encryption.with(rotated)).furthest(id, 1));
        assertThrows(ConfigurationException.class, () -> store.furthest(id, 1), "the old ring lacks the new key");

        store.discard(id, 1);
        assertEquals(StoredResult.Kind.NONE, store.furthestKind(id, 1));
        try (Stream<Path> left = Files.list(dir.resolve(id.value().substring(0, 2)))) {
            assertEquals(0, left.count());
        }
    }
}
