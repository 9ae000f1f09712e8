package org.chartroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.chartroom.api.support.Multipart;
import org.chartroom.api.support.ServerProcess;
import org.chartroom.core.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a clear 4xx problem with a reason, is logged without PHI, and leaves the real server healthy:
 * after each case the server still answers its health check and accepts and indexes a good upload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A patient name that must never show up in the server's log. */
    private static final String PATIENT = "Zebulon Quxworthy";
    private static final String MRN = "QX-778899";

    private ServerProcess server;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        server = new ServerProcess(work.resolve("data"), work.resolve("server.log"), Map.of()).start();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @AfterEach
    void serverIsStillHealthy() {
        assertTrue(server.isHealthy(), "server healthy after the bad request");
    }

    private HttpResponse<String> upload(String metadata, String fileName, byte[] content) throws Exception {
        return server.upload(metadata, fileName, content);
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return server.get(pathAndQuery);
    }

    private static String metadata() {
        return Multipart.metadata(MRN, PATIENT, "consultation");
    }

    /** Asserts an RFC 9457 problem with the status and a detail that mentions the given words. */
    private static JsonNode assertProblem(HttpResponse<String> response, int status, String... detailWords)
            throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "problem+json content type");
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(status, problem.get("status").asInt());
        String detail = problem.get("detail").asText();
        for (String word : detailWords) {
            assertTrue(detail.toLowerCase().contains(word.toLowerCase()), "detail '" + detail + "' mentions " + word);
        }
        assertFalse(response.body().contains(PATIENT), "the problem does not echo PHI");
        return problem;
    }

    @Test
    void zeroByteFileIs400() throws Exception {
        assertProblem(upload(metadata(), "empty.txt", new byte[0]), 400, "empty");
    }

    @Test
    void corruptPdfIs422() throws Exception {
        byte[] junk = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ngarbage garbage\n%%EOF"
                .getBytes(StandardCharsets.US_ASCII);
        assertProblem(upload(metadata(), "report.pdf", junk), 422, "pdf");
    }

    @Test
    void pngNamedPdfIsRecognisedByItsBytes() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        // Read as the scan it is (OCR), whatever its name says; ScanApiIT covers what becomes of it.
        org.junit.jupiter.api.Assumptions.assumeTrue(org.chartroom.ingest.ocr.Tesseract.version("tesseract")
                .isPresent(), "tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-eng");
        HttpResponse<String> accepted = upload(metadata(), "report.pdf", png.toByteArray());
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().contains("\"mediaType\":\"image/png\""), accepted.body());
        assertProblem(upload(metadata(), "report.pdf", "<?xml version=\"1.0\"?><report/>".getBytes(
                StandardCharsets.UTF_8)), 415, "application/xml");
    }

    @Test
    void uploadOverTheLimitIs413AndStopsEarly() throws Exception {
        long size = 200L * 1024 * 1024;
        AtomicLong produced = new AtomicLong();
        Multipart body = new Multipart();
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/documents"))
                .header("Authorization", server.authorization(Role.HIM))
                .header("Content-Type", body.contentType())
                .POST(body.streamingUpload(metadata(), "huge.txt", () -> new RepeatingText(size, produced)))
                .build();
        HttpResponse<String> response;
        try {
            response = server.client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the server should answer 413, not drop the connection: " + e, e);
        }
        assertProblem(response, 413, "limit");
    }

    @Test
    void malformedMetadataJsonIs400() throws Exception {
        assertProblem(upload("{\"patientMrn\": \"" + MRN + "\", \"patientName\": " + PATIENT, "a.txt",
                "text".getBytes(StandardCharsets.UTF_8)), 400, "metadata", "json");
        assertProblem(upload("{\"patientMrn\":\"" + MRN + "\",\"type\":\"poem\",\"patientName\":\"" + PATIENT
                + "\",\"author\":\"x\",\"serviceDate\":\"2026-01-01\"}", "a.txt",
                "text".getBytes(StandardCharsets.UTF_8)), 400, "type");
    }

    @Test
    void unknownIdIs404() throws Exception {
        assertProblem(get("/api/documents/3f2b8c1e-0d4a-4c7e-9a51-6b2f0c9d8e71"), 404, "no document");
    }

    @Test
    void pathLikeIdsAre400() throws Exception {
        for (String id : new String[] {"..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..%5C..%5Cwindows", "abc", "ABC%00"}) {
            assertProblem(get("/api/documents/" + id), 400, "document id");
            assertProblem(get("/api/documents/" + id + "/original"), 400, "document id");
        }
    }

    @Test
    void badQuerySyntaxIs400WithTheParsersMessage() throws Exception {
        assertProblem(get("/api/search?q=" + URLEncoder.encode("heart AND (", StandardCharsets.UTF_8)), 400,
                "syntax", "column");
        assertProblem(get("/api/search?q=ok&from=yesterday"), 400, "from");
        assertProblem(get("/api/search?q=ok&limit=100000"), 400, "limit");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterBadInputAGoodUploadStillWorksAndNoPhiWasLogged() throws Exception {
        HttpResponse<String> ok = upload(metadata(), "good.txt",
                "ASSESSMENT: Stable angina. Word goodmarkerq7.".getBytes(StandardCharsets.UTF_8));
        assertEquals(202, ok.statusCode(), ok.body());
        String id = JSON.readTree(ok.body()).get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long total = 0;
        while (total == 0 && System.nanoTime() < deadline) {
            total = JSON.readTree(get("/api/search?q=goodmarkerq7").body()).get("total").asLong();
            Thread.sleep(100);
        }
        assertEquals(1, total, "the good upload became searchable");
        assertEquals("draft", JSON.readTree(get("/api/documents/" + id).body()).get("state").asText());

        String log = server.logText();
        assertFalse(log.contains(PATIENT), "patient name not in the log");
        assertFalse(log.contains(MRN), "MRN not in the log");
        assertFalse(log.contains("goodmarkerq7"), "report text not in the log");
        assertTrue(log.contains("413") && log.contains("415") && log.contains("422"), "rejections are logged");
    }

    /** {@code size} bytes of text, generated as read, never held in memory. */
    private static final class RepeatingText extends InputStream {
        private final long size;
        private final AtomicLong produced;

        RepeatingText(long size, AtomicLong produced) {
            this.size = size;
            this.produced = produced;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = size - produced.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ('a' + (i % 26));
            }
            produced.addAndGet(n);
            return n;
        }
    }
}
