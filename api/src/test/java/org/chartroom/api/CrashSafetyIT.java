package org.chartroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.chartroom.api.support.Multipart;
import org.chartroom.api.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload that got a 202 survives a crash: the real server process is killed with SIGKILL in the middle of 1,000
 * uploads, restarted on the same data directory, and every acknowledged upload ends up searchable exactly once.
 */
class CrashSafetyIT {
    private static final int DOCUMENTS = 1_000;
    private static final int KILL_AFTER = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    /** The unique word of document i, so a search finds it and only it. */
    private static String marker(int i) {
        return "crashmarker" + i + "x";
    }

    private static byte[] note(int i) {
        return ("HISTORY OF PRESENT ILLNESS: Patient seen for follow-up of hypertension. Marker " + marker(i)
                + ".\nMEDICATIONS: Lisinopril 10 mg daily.\nPLAN: Return in 3 months.\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyAcknowledgedUploadIsSearchableExactlyOnceAfterSigkill() throws Exception {
        Path data = work.resolve("data");
        Path log = work.resolve("server.log");
        Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();

        ServerProcess server = new ServerProcess(data, log, Map.of()).start();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            clients.submit(() -> {
                int i;
                while (!killed.get() && (i = next.getAndIncrement()) < DOCUMENTS) {
                    upload(server, i, acknowledged);
                    if (acknowledged.size() >= KILL_AFTER && killed.compareAndSet(false, true)) {
                        try {
                            server.kill();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            });
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(5, TimeUnit.MINUTES), "uploads before the kill did not finish");
        assertTrue(killed.get(), "the server was never killed");
        int attemptedBeforeKill = Math.min(next.get(), DOCUMENTS);
        int acknowledgedBeforeKill = acknowledged.size();

        try (ServerProcess restarted = new ServerProcess(data, log, Map.of()).start()) {
            for (int i = attemptedBeforeKill; i < DOCUMENTS; i++) {
                upload(restarted, i, acknowledged);
            }
            assertEquals(DOCUMENTS - attemptedBeforeKill + acknowledgedBeforeKill, acknowledged.size(),
                    "every upload to the healthy restarted server is acknowledged");

            awaitSearchable(restarted, acknowledged.size(), Duration.ofMinutes(3));
            for (Map.Entry<Integer, String> e : acknowledged.entrySet()) {
                JsonNode result = search(restarted, marker(e.getKey()));
                assertEquals(1, result.get("total").asLong(), "document " + e.getKey() + " found exactly once");
                assertEquals(e.getValue(), result.get("hits").get(0).get("id").asText());
            }
            long total = search(restarted, "").get("total").asLong();
            assertTrue(total >= acknowledged.size() && total <= DOCUMENTS,
                    "no duplicates: " + total + " documents for " + acknowledged.size() + " acknowledged uploads");
        }
    }

    private void upload(ServerProcess server, int i, Map<Integer, String> acknowledged) {
        try {
            HttpResponse<String> response = server.upload(
                    Multipart.metadata("MRN" + i, "Crash Test " + i, "progress_note"), "note" + i + ".txt", note(i));
            if (response.statusCode() == 202) {
                acknowledged.put(i, JSON.readTree(response.body()).get("id").asText());
            }
        } catch (IOException e) {
            // the server died while this upload was in flight: not acknowledged, so no promise was made
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode search(ServerProcess server, String q) throws IOException, InterruptedException {
        HttpResponse<String> response = server.get("/api/search?limit=5&facets=false&highlight=false&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private void awaitSearchable(ServerProcess server, int atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long total = 0;
        while (System.nanoTime() < deadline) {
            total = search(server, "").get("total").asLong();
            if (total >= atLeast) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("only " + total + " of " + atLeast + " acknowledged documents became searchable");
    }
}
