package org.chartroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.chartroom.api.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encryption at rest, end to end: a note with a unique phrase, patient name and MRN uploaded to the real server is
 * searchable and readable, and no file anywhere under the data directory (originals, intake records, index, keys,
 * temporary folders) holds any of them in plaintext, while the server runs and after it stopped. After a restart the
 * document is still readable and searchable.
 */
class EncryptionAtRestIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void noFileUnderTheDataDirectoryHoldsTheNoteInPlaintext() throws Exception {
        long unique = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String word = "zorbulent" + unique;
        String phrase = "the patient describes a " + word + " heliotrope murmur";
        String name = "Quintessa Vandersloot" + unique % 1000;
        String mrn = "MRN-" + unique;
        String note = "HISTORY OF PRESENT ILLNESS: " + phrase + ".\nPLAN: Echocardiogram.\n";
        String metadata = "{\"patientMrn\":\"" + mrn + "\",\"patientName\":\"" + name + "\",\"encounterId\":\"E-1\","
                + "\"type\":\"consultation\",\"author\":\"Dr. Osler\",\"serviceDate\":\"2026-03-14\"}";
        Path data = work.resolve("data");
        Path log = work.resolve("server.log");
        List<String> secrets = List.of(phrase, word, name, name.toLowerCase(), mrn, mrn.toLowerCase());

        String id;
        try (ServerProcess server = new ServerProcess(data, log, Map.of()).start()) {
            assertTrue(server.logText().contains("back it up"), "the first start says to back up the new key");
            HttpResponse<String> accepted = server.upload(metadata, "note.txt", note.getBytes(StandardCharsets.UTF_8));
            assertEquals(202, accepted.statusCode(), accepted.body());
            id = JSON.readTree(accepted.body()).get("id").asText();
            awaitSearchable(server, word, id);
            Thread.sleep(2500); // past a commit: the index files on disk now hold the document
            assertNoPlaintext(data, secrets);
            server.stop(); // SIGTERM: a graceful shutdown that commits and closes
        }
        assertNoPlaintext(data, secrets);
        assertTrue(Files.isRegularFile(data.resolve("keys").resolve("master.p12")));

        try (ServerProcess server = new ServerProcess(data, log, Map.of()).start()) {
            awaitSearchable(server, word, id);
            JsonNode document = JSON.readTree(server.get("/api/documents/" + id).body());
            assertEquals(name, document.get("metadata").get("patientName").asText());
            assertTrue(document.toString().contains(phrase), "the text reads back decrypted");
            assertEquals(note, server.get("/api/documents/" + id + "/original").body());
        }
    }

    private static void awaitSearchable(ServerProcess server, String word, String id) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = server.get("/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
            if (r.statusCode() == 200) {
                JsonNode hits = JSON.readTree(r.body()).get("hits");
                if (hits != null && hits.size() == 1 && hits.get(0).toString().contains(id)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        fail("document " + id + " did not become searchable within 60 s");
    }

    /** Every regular file under {@code root}, as raw bytes, searched for each secret in UTF-8 and UTF-16. */
    private static void assertNoPlaintext(Path root, List<String> secrets) throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path file : tree.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (java.nio.file.NoSuchFileException e) {
                    continue; // a temporary file or merged segment removed meanwhile
                }
                files++;
                String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_8,
                            StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                        if (latin1.contains(new String(secret.getBytes(charset), StandardCharsets.ISO_8859_1))) {
                            found.add(root.relativize(file) + " holds '" + secret + "' (" + charset + ")");
                        }
                    }
                }
            }
        }
        assertTrue(files > 5, "the data directory has originals, intake records and index files: " + files);
        assertEquals(List.of(), found);
    }
}
