package org.chartroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.Schema;
import org.chartroom.api.support.Multipart;
import org.chartroom.api.support.ServerProcess;
import org.chartroom.api.support.WorkerProcess;
import org.chartroom.ingest.testing.PulsarBroker;
import org.chartroom.ingest.testing.Scans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out end to end: the real server ({@code chartroom serve --pulsar}) and real worker processes
 * ({@code chartroom worker}) against a real Pulsar broker (see {@link PulsarBroker}), each test on its own data
 * directory and topics.
 */
class PulsarScaleOutIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofMinutes(4);

    @TempDir
    Path work;
    private final List<AutoCloseable> processes = new ArrayList<>();
    private Map<String, String> env;

    @AfterEach
    void stopAll() throws Exception {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    private ServerProcess server() throws Exception {
        env = new HashMap<>(Map.of("CHARTROOM_PULSAR_URL", PulsarBroker.serviceUrl(),
                "CHARTROOM_PULSAR_TOPICS", PulsarBroker.topicPrefix("scaleout"),
                "CHARTROOM_MAX_ATTEMPTS", "3", "CHARTROOM_RETRY_BACKOFF_MS", "200",
                // Index commits as soon as possible, so acknowledgements and searches follow quickly.
                "CHARTROOM_REFRESH_MS", "200", "CHARTROOM_COMMIT_MS", "200"));
        ServerProcess server = new ServerProcess(work.resolve("data"), work.resolve("server.log"), env).start();
        processes.add(server);
        return server;
    }

    private WorkerProcess worker(String name) throws Exception {
        return worker(name, "extract,ocr,asr,nlp");
    }

    private WorkerProcess worker(String name, String stages) throws Exception {
        WorkerProcess worker = new WorkerProcess(work.resolve("data"), work.resolve(name + ".log"), env, stages)
                .start();
        processes.add(worker);
        return worker;
    }

    private static String marker(int i) {
        return "scaleoutmarker" + i + "x";
    }

    private static byte[] note(int i) {
        return ("HISTORY OF PRESENT ILLNESS: Patient seen for follow-up of hypertension. Marker " + marker(i)
                + ".\nMEDICATIONS: Lisinopril 10 mg daily.\nPLAN: Return in 3 months.\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads notes {@code from} to {@code to - 1} from four clients; the ids by note number. */
    private static Map<Integer, String> upload(ServerProcess server, int from, int to) throws Exception {
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < to) {
                    ids.put(i, accepted(server.upload(Multipart.metadata("MRN" + i, "Scale Out " + i,
                            "progress_note"), "note" + i + ".txt", note(i))));
                }
                return null;
            }));
        }
        clients.shutdown();
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        return ids;
    }

    private static String accepted(HttpResponse<String> response) throws IOException {
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static JsonNode search(ServerProcess server, String q) throws IOException, InterruptedException {
        HttpResponse<String> response = server.get("/api/search?limit=5&facets=false&highlight=false&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode document(ServerProcess server, String id) throws IOException, InterruptedException {
        HttpResponse<String> response = server.get("/api/documents/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    private static long searchable(ServerProcess server) {
        try {
            return search(server, "").get("total").asLong();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** Every note is in the index once, as a draft with exactly one version, and the index holds {@code total}. */
    private static void assertIndexedExactlyOnce(ServerProcess server, Map<Integer, String> ids, int total)
            throws Exception {
        assertEquals(total, search(server, "").get("total").asLong(), "no more and no fewer documents");
        for (Map.Entry<Integer, String> e : ids.entrySet()) {
            JsonNode found = search(server, marker(e.getKey()));
            assertEquals(1, found.get("total").asLong(), "note " + e.getKey() + " found once");
            assertEquals(e.getValue(), found.get("hits").get(0).get("id").asText());
        }
        for (String id : ids.values()) {
            JsonNode doc = document(server, id);
            assertEquals("draft", doc.get("state").asText(), id);
            assertEquals(1, doc.get("versions").size(), "one version of " + id);
        }
    }

    @Test
    void aThousandDocumentsThroughTwoWorkersAreEachIndexedExactlyOnce() throws Exception {
        ServerProcess server = server();
        WorkerProcess first = worker("worker-1");
        WorkerProcess second = worker("worker-2");
        Map<Integer, String> ids = upload(server, 0, 1000);

        await(() -> searchable(server) == 1000, SETTLE, "all 1,000 documents searchable");
        assertIndexedExactlyOnce(server, ids, 1000);
        int byFirst = first.count("drafted");
        int bySecond = second.count("drafted");
        assertTrue(byFirst > 0 && bySecond > 0, "both workers received work: " + byFirst + " and " + bySecond);
        assertEquals(1000, byFirst + bySecond, "each document drafted once: " + byFirst + " + " + bySecond);
        assertTrue(server.logText().lines().noneMatch(l -> l.contains("scaleoutmarker")), "no PHI in the log");
    }

    @Test
    void aWorkerKilledWhileRecognisingAScanHasItsWorkRedeliveredAndFinished() throws Exception {
        ServerProcess server = server();
        WorkerProcess first = worker("worker-1");
        WorkerProcess second = worker("worker-2");
        String[] lines = {"DISCHARGE SUMMARY", "DIAGNOSIS: community acquired pneumonia", "PLAN: oral antibiotics"};
        String scan = accepted(server.upload(Multipart.metadata("MRN-SCAN", "Scan Patient", "discharge_summary"),
                "scan.tiff", Scans.tiff(Scans.page(lines), Scans.page(lines), Scans.page(lines), Scans.page(lines),
                        Scans.page(lines), Scans.page(lines))));
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        ExecutorService uploads = Executors.newSingleThreadExecutor();
        Future<Map<Integer, String>> notes = uploads.submit(() -> upload(server, 0, 200));

        String started = "document " + scan + ": OCR started";
        await(() -> count(first, started) + count(second, started) > 0, SETTLE, "a worker started the scan");
        WorkerProcess victim = count(first, started) > 0 ? first : second;
        WorkerProcess survivor = victim == first ? second : first;
        victim.kill();
        ids.putAll(notes.get(5, TimeUnit.MINUTES));
        uploads.shutdown();

        await(() -> searchable(server) == 201, SETTLE, "every document searchable after the kill");
        assertIndexedExactlyOnce(server, ids, 201);
        JsonNode recognised = document(server, scan);
        assertEquals("draft", recognised.get("state").asText());
        assertEquals(1, recognised.get("versions").size());
        assertEquals(1, count(survivor, started), "the killed worker's unacknowledged scan went to the other");
        assertEquals(1, search(server, "pneumonia").get("total").asLong(), "the scan's text is searchable");
    }

    @Test
    void theBrokerKilledMidStreamAndRestartedOnItsDataLosesAndDuplicatesNothing() throws Exception {
        ServerProcess server = server();
        WorkerProcess first = worker("worker-1");
        WorkerProcess second = worker("worker-2");
        ExecutorService uploads = Executors.newSingleThreadExecutor();
        Future<Map<Integer, String>> notes = uploads.submit(() -> upload(server, 0, 400));

        await(() -> count(first, "drafted") + count(second, "drafted") >= 100, SETTLE, "work under way");
        PulsarBroker.kill();
        Thread.sleep(1000);
        PulsarBroker.restart();
        Map<Integer, String> ids = notes.get(5, TimeUnit.MINUTES);
        uploads.shutdown();
        assertEquals(400, ids.size(), "every upload acknowledged, the broker's outage notwithstanding");

        await(() -> searchable(server) == 400, SETTLE, "every document searchable after the broker restart");
        assertIndexedExactlyOnce(server, ids, 400);
        assertTrue(first.isAlive() && second.isAlive(), "the workers reconnected instead of dying");
    }

    @Test
    void aPoisonDocumentEndsInTheDeadLetterTopicAndFailedWithoutBlockingTheOthers() throws Exception {
        ServerProcess server = server();
        Map<Integer, String> ids = upload(server, 0, 20);
        String poison = accepted(server.upload(Multipart.metadata("MRN-P", "Poison Patient", "progress_note"),
                "poison.txt", note(999)));
        // The stored original is damaged on disk after it was accepted: every read fails its integrity check, which
        // is a storage fault (retried), not a content problem.
        Path original = work.resolve("data/originals").resolve(poison.substring(0, 2)).resolve(poison)
                .resolve("original");
        try (RandomAccessFile file = new RandomAccessFile(original.toFile(), "rw")) {
            file.seek(80);
            int b = file.read();
            file.seek(80);
            file.write(b ^ 0xff);
        }
        WorkerProcess worker = worker("worker-1");

        await(() -> {
            try {
                return "failed".equals(document(server, poison).get("state").asText()) && searchable(server) == 21;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }, SETTLE, "the poison failed and the others are searchable");
        JsonNode failed = document(server, poison);
        assertTrue(failed.get("failureReason").asText().contains("after 3 failed attempts"),
                failed.get("failureReason").asText());
        assertEquals(0, search(server, marker(999)).get("total").asLong(), "no text from the poison");
        for (String id : ids.values()) {
            assertEquals("draft", document(server, id).get("state").asText());
        }
        assertEquals(20, worker.count("drafted"));
        try (PulsarClient client = PulsarClient.builder().serviceUrl(PulsarBroker.serviceUrl()).build();
             Reader<byte[]> reader = client.newReader(Schema.BYTES)
                     .topic(env.get("CHARTROOM_PULSAR_TOPICS") + "extract-dlq")
                     .startMessageId(MessageId.earliest).create()) {
            Message<byte[]> letter = reader.readNext(30, TimeUnit.SECONDS);
            assertEquals(poison, letter.getKey(), "the poison's item is in the dead-letter topic");
            assertEquals("3", letter.getProperty("chartroom-attempts"));
        }
    }

    @Test
    void scansAndDictationsGoToTheWorkersThatRunOcrAndAsrAndOnToNlpElsewhere() throws Exception {
        ServerProcess server = server();
        WorkerProcess typed = worker("worker-typed", "extract,nlp");
        WorkerProcess heavy = worker("worker-heavy", "ocr,asr");
        String note = accepted(server.upload(Multipart.metadata("MRN-N", "Note Patient", "progress_note"),
                "note.txt", note(1)));
        String scan = accepted(server.upload(Multipart.metadata("MRN-S", "Scan Patient", "discharge_summary"),
                "scan.png", Scans.png(Scans.page("DIAGNOSIS: community acquired pneumonia",
                        "PLAN: oral antibiotics"))));
        Path jfk = Path.of(System.getProperty("chartroom.shared", "../../shared"), "data", "audio", "whisper-jfk",
                "jfk_16k_mono.wav");
        String dictation = accepted(server.upload(Multipart.metadata("MRN-D", "Dictation Patient", "letter"),
                "dictation.wav", java.nio.file.Files.readAllBytes(jfk)));

        await(() -> searchable(server) == 3, SETTLE, "the note, the scan and the dictation indexed");
        Map<String, String> sources = Map.of(note, "extract", scan, "ocr", dictation, "asr");
        for (Map.Entry<String, String> e : sources.entrySet()) {
            JsonNode doc = document(server, e.getKey());
            assertEquals("draft", doc.get("state").asText(), doc.toString());
            assertEquals(e.getValue(), doc.get("versions").get(0).get("source").asText());
        }
        assertEquals(1, search(server, "pneumonia").get("total").asLong(), "the scan's text is searchable");
        assertTrue(document(server, dictation).get("versions").get(0).get("characters").asInt() > 20,
                "the dictation was transcribed");
        assertEquals(1, heavy.count("document " + scan + ": OCR started"));
        assertEquals(1, heavy.count("document " + dictation + ": ASR started"));
        assertEquals(0, heavy.count("drafted"), "NLP ran in the other worker");
        assertEquals(3, typed.count("drafted"));
    }

    private static int count(WorkerProcess worker, String text) {
        try {
            return worker.count(text);
        } catch (IOException e) {
            return 0;
        }
    }
}
