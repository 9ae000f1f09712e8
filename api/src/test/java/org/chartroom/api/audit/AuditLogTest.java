package org.chartroom.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.audit.AuditEvent;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.KeyRing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash chain catches an edited, deleted, reordered or cut-off entry. */
class AuditLogTest {
    @TempDir
    Path dir;

    private static AuditEvent event(int i) {
        return new AuditEvent(Instant.parse("2026-03-14T09:00:00Z").plusSeconds(i), "user" + i, List.of("CODER"),
                AuditAction.READ, "GET /api/documents/x", "MRN-" + i, "doc-" + i, "127.0.0.1", AuditEvent.SUCCESS,
                "", false, "");
    }

    @BeforeEach
    void writeFive() {
        try (AuditLog log = AuditLog.open(dir)) {
            for (int i = 1; i <= 5; i++) {
                log.append(event(i));
            }
        }
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(AuditLog.trailFile(dir)));
    }

    private void write(List<String> lines) throws Exception {
        Files.write(AuditLog.trailFile(dir), lines);
    }

    @Test
    void anUntouchedTrailVerifiesAndReopensWhereItLeftOff() {
        assertTrue(AuditLog.verify(dir).intact());
        try (AuditLog log = AuditLog.open(dir)) {
            assertEquals(6, log.append(event(6)).seq());
        }
        AuditLog.Verification v = AuditLog.verify(dir);
        assertTrue(v.intact(), v.problem());
        assertEquals(6, v.entries());
    }

    @Test
    void anEditedEntryIsCaught() throws Exception {
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("MRN-3", "MRN-9"));
        write(lines);
        AuditLog.Verification v = AuditLog.verify(dir);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("entry 3 was altered"), v.problem());
        assertEquals(2, v.entries());
    }

    @Test
    void aDeletedEntryIsCaught() throws Exception {
        List<String> lines = lines();
        lines.remove(1);
        write(lines);
        AuditLog.Verification v = AuditLog.verify(dir);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("deleted"), v.problem());
    }

    @Test
    void reorderedEntriesAreCaught() throws Exception {
        List<String> lines = lines();
        String second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);
        write(lines);
        assertFalse(AuditLog.verify(dir).intact());
    }

    @Test
    void entriesCutOffTheEndAreCaughtByTheHead() throws Exception {
        List<String> lines = lines();
        write(lines.subList(0, 3));
        AuditLog.Verification v = AuditLog.verify(dir);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("cut off"), v.problem());
    }

    @Test
    void aTornLastLineFromACrashIsCutOffAtOpen() throws Exception {
        Files.writeString(AuditLog.trailFile(dir), "{\"seq\":6,\"prev\":\"ab", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (AuditLog log = AuditLog.open(dir)) {
            assertEquals(6, log.append(event(6)).seq());
        }
        assertTrue(AuditLog.verify(dir).intact());
    }

    @Test
    void sealedEntriesHideThePatientAndSurviveAKeyRotation() throws Exception {
        Path sealedDir = dir.resolve("sealed");
        javax.crypto.SecretKey first = KeyRing.newKey();
        Encryption before = Encryption.with(new KeyRing(first, List.of(), "test"));
        try (AuditLog log = AuditLog.open(sealedDir, before)) {
            for (int i = 1; i <= 3; i++) {
                log.append(event(i));
            }
            assertEquals("MRN-2", log.find(e -> e.seq() == 2, 0, 1).get(0).event().patientMrn());
        }
        assertFalse(Files.readString(AuditLog.trailFile(sealedDir)).contains("MRN-"), "no patient in the clear");
        assertTrue(AuditLog.verify(sealedDir, before).intact());
        assertFalse(AuditLog.verify(sealedDir).intact(), "without the key the entries cannot be checked");

        javax.crypto.SecretKey second = KeyRing.newKey();
        assertEquals(3, AuditLog.reseal(sealedDir, Encryption.with(new KeyRing(second, List.of(first), "test"))));
        Encryption newOnly = Encryption.with(new KeyRing(second, List.of(), "test"));
        assertTrue(AuditLog.verify(sealedDir, newOnly).intact(), "the chain holds under the new key alone");
    }

    @Test
    void findFiltersNewestFirstWithPaging() {
        try (AuditLog log = AuditLog.open(dir)) {
            List<AuditLog.Entry> page = log.find(e -> e.seq() % 2 == 1, 1, 2);
            assertEquals(List.of(3L, 1L), page.stream().map(AuditLog.Entry::seq).toList());
        }
    }
}
