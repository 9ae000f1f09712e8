package org.chartroom.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.chartroom.api.support.ServerProcess;
import org.chartroom.asr.eval.DictationSample;
import org.chartroom.asr.eval.DictationSynthesizer;
import org.chartroom.asr.format.DictationFormatter;
import org.chartroom.asr.format.SpokenForm;
import org.chartroom.asr.process.SupervisedProcess;
import org.chartroom.asr.sphinx.PocketSphinxEngine;
import org.chartroom.core.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dictation through the real server: WAV and MP3 dictations synthesized by flite become sectioned, searchable drafts
 * (PocketSphinx with a medical model built by {@code chartroom asr train-lm}); the audio is served in byte ranges;
 * corrections are versions guarded by ETags; the draft goes for signature; bad audio gets a clear reason and the
 * server stays healthy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DictationApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATIENT = "Ottoline Quarrender";
    private static final String COUGH = "CHIEF COMPLAINT: Cough and fever for three days. HISTORY OF PRESENT ILLNESS:"
            + " The patient is a 40-year-old woman with a cough. PLAN: Rest and fluids.";
    private static final String ANGINA = "CHIEF COMPLAINT: Chest pain. HISTORY OF PRESENT ILLNESS: The patient is a"
            + " 62-year-old man with chest pain on exertion. ASSESSMENT: Stable angina. PLAN: Stress test.";
    /** The language model's corpus: the two dictated notes among others (one note per line). */
    private static final List<String> CORPUS = List.of(COUGH, ANGINA,
            "CHIEF COMPLAINT: Headache. HISTORY OF PRESENT ILLNESS: The patient has had a headache for two weeks."
                    + " MEDICATIONS: Ibuprofen. PLAN: Return in two weeks.",
            "CHIEF COMPLAINT: Back pain. ASSESSMENT: Lumbar strain. PLAN: Physical therapy and acetaminophen.");

    private ServerProcess server;
    private Path work;
    private byte[] wav;
    private byte[] mp3;
    private String wavId;
    private String mp3Id;
    private boolean progressSeen;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(PocketSphinxEngine.installed() && SupervisedProcess.available("ffmpeg")
                        && SupervisedProcess.available("flite") && SupervisedProcess.available("sphinx_lm_convert"),
                "dictation needs pocketsphinx, pocketsphinx-en-us, sphinxbase-utils, ffmpeg and flite"
                        + " (CI installs them: see .ci/run)");
        this.work = work;
        Path data = work.resolve("data");
        List<DictationSample> samples = new DictationSynthesizer(new SpokenForm(new DictationFormatter()))
                .synthesize(List.of(new DictationSynthesizer.Note("cough", COUGH),
                        new DictationSynthesizer.Note("angina", ANGINA)), 200, work.resolve("audio"));
        wav = Files.readAllBytes(samples.get(0).audio());
        Path mp3File = work.resolve("audio").resolve("angina.mp3");
        run(List.of("ffmpeg", "-y", "-v", "error", "-i", samples.get(1).audio().toString(), "-ar", "44100",
                mp3File.toString()));
        mp3 = Files.readAllBytes(mp3File);
        Path corpus = Files.write(work.resolve("corpus.txt"), CORPUS);
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ServerProcess.jar().toString(), "asr", "train-lm", "--data", data.toString(), corpus.toString()));
        server = new ServerProcess(data, work.resolve("server.log"), Map.of("CHARTROOM_ASR_STREAMS", "2")).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), command.get(0) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed: " + output);
    }

    private static String metadata(String mrn) {
        return "{\"patientMrn\":\"" + mrn + "\",\"patientName\":\"" + PATIENT + "\",\"type\":\"consultation\","
                + "\"author\":\"" + ServerProcess.PHYSICIAN_NAME + "\",\"serviceDate\":\"2026-03-14\"}";
    }

    private String upload(Role role, String mrn, String name, byte[] content) throws Exception {
        HttpResponse<String> r = server.upload(role, metadata(mrn), name, content);
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Polls the document until it is settled, noting whether its progress was visible on the way. */
    private JsonNode settle(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonNode doc = JSON.readTree(server.get("/api/documents/" + id).body());
        while (Set.of("received", "processing").contains(doc.get("state").asText()) && System.nanoTime() < deadline) {
            JsonNode progress = doc.get("progress");
            if (progress != null && !progress.isNull()) {
                assertEquals("seconds", progress.get("unit").asText(), progress.toString());
                JsonNode total = progress.get("total");
                assertTrue(total == null || total.isNull() || progress.get("done").asInt() <= total.asInt(),
                        progress.toString());
                progressSeen = true;
            }
            Thread.sleep(100);
            doc = JSON.readTree(server.get("/api/documents/" + id).body());
        }
        return doc;
    }

    private long hits(String query) throws Exception {
        HttpResponse<String> r = server.get(Role.TRANSCRIPTIONIST,
                "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("total").asLong();
    }

    /** A settled draft is searchable within the index's refresh interval. */
    private void awaitSearchable(String query) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (hits(query) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, hits(query), query);
    }

    private static List<String> sectionTypes(JsonNode sections) {
        List<String> types = new ArrayList<>();
        sections.forEach(s -> types.add(s.get("type").asText()));
        return types;
    }

    private HttpResponse<String> put(String id, String text, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/api/documents/" + id + "/draft"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("text", text).toString()));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return server.send(Role.TRANSCRIPTIONIST, b);
    }

    private HttpResponse<byte[]> audio(String id, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/api/documents/" + id + "/audio"))
                .header("Authorization", server.authorization(Role.TRANSCRIPTIONIST)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return server.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode audit(String query) throws Exception {
        return server.auditEntries(query);
    }

    @Test
    @Order(1)
    void wavAndMp3DictationsBecomeSectionedSearchableDrafts() throws Exception {
        wavId = upload(Role.PHYSICIAN, "DICT-1", "cough.wav", wav);
        mp3Id = upload(Role.TRANSCRIPTIONIST, "DICT-2", "angina.mp3", mp3);
        JsonNode cough = settle(wavId);
        JsonNode angina = settle(mp3Id);
        for (JsonNode doc : List.of(cough, angina)) {
            assertEquals("draft", doc.get("state").asText(), doc.toString());
            assertEquals(1, doc.get("versions").size());
            List<String> types = sectionTypes(doc.get("sections"));
            assertTrue(types.containsAll(List.of("chief_complaint", "history_of_present_illness", "plan")),
                    types + " in: " + doc.get("text").asText());
            assertTrue(doc.get("text").asText().startsWith("CHIEF COMPLAINT:"), doc.get("text").asText());
        }
        assertEquals("audio/vnd.wave", cough.get("original").get("mediaType").asText());
        assertEquals("audio/mpeg", angina.get("original").get("mediaType").asText());
        assertTrue(progressSeen, "the status showed the seconds recognised while a dictation was decoded");
        awaitSearchable("angina");
        assertEquals(1, hits("section_plan:fluids"));
        assertEquals(1, hits("section_history_of_present_illness:exertion"));
    }

    @Test
    @Order(2)
    void theDraftCarriesTheWordTimingsAndTheRawRecognitionWithAnETag() throws Exception {
        HttpResponse<String> r = server.get(Role.TRANSCRIPTIONIST, "/api/documents/" + wavId + "/draft");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("\"v1\"", r.headers().firstValue("ETag").orElse(""));
        JsonNode draft = JSON.readTree(r.body());
        assertEquals(1, draft.get("version").asInt());
        assertEquals("/api/documents/" + wavId + "/audio", draft.get("audio").asText());
        JsonNode heard = draft.get("transcription");
        assertEquals("pocketsphinx", heard.get("engine").asText());
        assertTrue(heard.get("raw").asText().startsWith("chief complaint colon"), heard.get("raw").asText());
        assertTrue(heard.get("seconds").asDouble() > 5, heard.toString());
        JsonNode words = heard.get("words");
        assertEquals(heard.get("raw").asText().split(" ").length, words.size());
        double previousEnd = 0;
        for (JsonNode w : words) {
            double start = w.get("start").asDouble();
            double end = w.get("end").asDouble();
            double confidence = w.get("confidence").asDouble();
            assertTrue(start >= previousEnd - 1e-6 && end >= start && end <= heard.get("seconds").asDouble() + 0.1,
                    w.toString());
            assertTrue(confidence >= 0 && confidence <= 1, w.toString());
            assertEquals(confidence < 0.5, w.get("lowConfidence").asBoolean(), w.toString());
            previousEnd = end;
        }
    }

    @Test
    @Order(3)
    void theAudioIsServedWithByteRangesAndEachFetchIsAudited() throws Exception {
        HttpResponse<byte[]> whole = audio(wavId);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(wav, whole.body());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));

        HttpResponse<byte[]> part = audio(wavId, "Range", "bytes=1000-1999");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-1999/" + wav.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(wav, 1000, 2000), part.body());
        HttpResponse<byte[]> tail = audio(wavId, "Range", "bytes=-10");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(wav, wav.length - 10, wav.length), tail.body());

        HttpResponse<byte[]> outside = audio(wavId, "Range", "bytes=" + wav.length + "-");
        assertEquals(416, outside.statusCode());
        assertEquals("bytes */" + wav.length, outside.headers().firstValue("Content-Range").orElse(""));
        assertTrue(new String(outside.body(), StandardCharsets.UTF_8).contains(wav.length + " bytes long"));

        assertTrue(audit("action=DOWNLOAD&document=" + wavId).size() >= 3, "audio fetches are audited");
    }

    @Test
    @Order(4)
    void aCorrectionIsANewVersionTheIndexFollowsAndAStaleOneIsRefused() throws Exception {
        String draft = JSON.readTree(server.get(Role.TRANSCRIPTIONIST, "/api/documents/" + wavId + "/draft").body())
                .get("text").asText();
        assertTrue(draft.contains("fever"), draft);
        assertEquals(1, hits("fever"));
        String corrected = "CHIEF COMPLAINT: Cough for three days.\n\nHISTORY OF PRESENT ILLNESS: The patient is a"
                + " 40-year-old woman with a dry cough.\n\nPLAN: Rest, fluids and acetaminophen.";

        HttpResponse<String> unconditional = put(wavId, corrected);
        assertEquals(428, unconditional.statusCode(), unconditional.body());
        assertTrue(unconditional.body().contains("If-Match"), unconditional.body());

        HttpResponse<String> saved = put(wavId, corrected, "If-Match", "\"v1\"");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("\"v2\"", saved.headers().firstValue("ETag").orElse(""));
        JsonNode v2 = JSON.readTree(saved.body());
        assertEquals(2, v2.get("version").asInt());
        assertEquals("transcriptionist", v2.get("createdBy").asText());
        assertEquals(corrected, v2.get("text").asText());
        assertEquals(1, v2.get("transcription").get("version").asInt(), "the timings of the dictation stay");

        HttpResponse<String> stale = put(wavId, corrected + " Follow up in a week.", "If-Match", "\"v1\"");
        assertEquals(412, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("version 2 was saved by transcriptionist"), stale.body());

        assertEquals(1, hits("acetaminophen AND mrn:DICT-1"), "the new version is searchable at once");
        assertEquals(0, hits("fever"), "the old text is not");
        assertEquals(0, hits("week AND mrn:DICT-1"), "the refused correction was not saved");
        JsonNode doc = JSON.readTree(server.get("/api/documents/" + wavId).body());
        assertEquals(2, doc.get("versions").size());
        assertEquals("edit", doc.get("versions").get(1).get("source").asText());
        assertEquals("transcriptionist", doc.get("versions").get(1).get("createdBy").asText());
        assertTrue(doc.get("versions").get(1).get("createdAt").asText().startsWith("20"));
        JsonNode v1 = JSON.readTree(server.get("/api/documents/" + wavId + "/versions/1").body());
        assertEquals(draft, v1.get("text").asText(), "the machine draft is kept");

        JsonNode writes = audit("action=WRITE&document=" + wavId);
        assertTrue(writes.toString().contains("correction saved as version 2"), writes.toString());
        assertTrue(audit("action=WRITE&outcome=failure&document=" + wavId).size() >= 2,
                "refused corrections are audited with their reason");
    }

    @Test
    @Order(5)
    void readyForSignatureMovesTheDraftAndEndsCorrection() throws Exception {
        HttpResponse<String> stale = server.send(Role.TRANSCRIPTIONIST, HttpRequest.newBuilder(
                        server.uri("/api/documents/" + wavId + "/ready-for-signature")).header("If-Match", "\"v1\"")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(412, stale.statusCode(), stale.body());
        HttpResponse<String> moved = server.send(Role.TRANSCRIPTIONIST, HttpRequest.newBuilder(
                        server.uri("/api/documents/" + wavId + "/ready-for-signature")).header("If-Match", "\"v2\"")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals("pending_signature", JSON.readTree(moved.body()).get("state").asText());
        assertEquals("pending_signature",
                JSON.readTree(server.get("/api/documents/" + wavId).body()).get("state").asText());
        assertEquals(1, hits("status:pending_signature AND mrn:DICT-1"));

        HttpResponse<String> again = server.send(Role.TRANSCRIPTIONIST, HttpRequest.newBuilder(
                server.uri("/api/documents/" + wavId + "/ready-for-signature")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(409, again.statusCode(), again.body());
        HttpResponse<String> late = put(wavId, "PLAN: Rest.", "If-Match", "\"v2\"");
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(late.body().contains("only a draft can be corrected"), late.body());
    }

    @Test
    @Order(6)
    void badAudioGetsAClearReasonAndTheServerStaysHealthy() throws Exception {
        HttpResponse<String> cut = server.upload(Role.TRANSCRIPTIONIST, metadata("DICT-3"), "cut.wav",
                Arrays.copyOf(wav, wav.length / 2));
        assertEquals(422, cut.statusCode(), cut.body());
        assertTrue(cut.body().contains("the WAV file is cut off"), cut.body());

        byte[] noise = new byte[40_000];
        new Random(6).nextBytes(noise);
        HttpResponse<String> random = server.upload(Role.TRANSCRIPTIONIST, metadata("DICT-3"), "dictation.mp3", noise);
        assertEquals(415, random.statusCode(), random.body());
        assertTrue(random.body().contains("application/octet-stream"), random.body());

        Path silence = work.resolve("audio").resolve("silence.wav");
        run(List.of("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "3",
                silence.toString()));
        JsonNode silent = settle(upload(Role.TRANSCRIPTIONIST, "DICT-3", "silence.wav", Files.readAllBytes(silence)));
        assertEquals("failed", silent.get("state").asText(), silent.toString());
        assertTrue(silent.get("failureReason").asText().contains("no speech"), silent.toString());
        HttpResponse<String> noDraft = server.get(Role.TRANSCRIPTIONIST,
                "/api/documents/" + silent.get("id").asText() + "/draft");
        assertEquals(409, noDraft.statusCode(), noDraft.body());

        assertTrue(server.isHealthy());
        JsonNode again = settle(upload(Role.TRANSCRIPTIONIST, "DICT-4", "angina-again.mp3", mp3));
        assertEquals("draft", again.get("state").asText(), again.toString());
    }

    @Test
    @Order(7)
    void noPhiReachesTheApplicationLog() throws Exception {
        String log = server.logText();
        for (String phi : List.of(PATIENT, "DICT-1", "acetaminophen", "angina", "chief complaint colon")) {
            assertFalse(log.contains(phi), "the log contains '" + phi + "'");
        }
        assertTrue(log.contains("pocketsphinx engine"), "the log says which engine recognises dictations");
    }
}
