package org.chartroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.chartroom.api.audit.AuditLog;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.runtime.ChartroomSettings;
import org.chartroom.api.support.Multipart;
import org.chartroom.api.support.ServerProcess;
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
 * Authentication, roles, break-the-glass and the audit trail on the real server: the whole role × endpoint matrix,
 * lockout, token expiry, every access audited (and the chain intact), and no PHI in the application log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATIENT = "Quintessa Varnhagen";
    private static final String MRN = "VQ-424242";
    private static final String OTHER_PATIENT = "Bartholomew Xylander";
    private static final String OTHER_MRN = "XB-171717";
    private static final String PHRASE = "zygomorphic petechiae";

    private ServerProcess server;
    private Path work;
    private String ownId;
    private String otherId;
    private String signedId;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        this.work = work;
        server = new ServerProcess(work.resolve("data"), work.resolve("server.log"), Map.of()).start();
        ownId = uploadAs(Role.PHYSICIAN, MRN, PATIENT, ServerProcess.PHYSICIAN_NAME);
        otherId = uploadAs(Role.HIM, OTHER_MRN, OTHER_PATIENT, "Dr. Someone Else");
        for (String id : List.of(ownId, otherId)) {
            awaitDraft(id);
        }
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private String uploadAs(Role role, String mrn, String name, String author) throws Exception {
        return uploadAs(role, mrn, name, author, "ASSESSMENT: " + PHRASE + " in " + name + ".");
    }

    private String uploadAs(Role role, String mrn, String name, String author, String text) throws Exception {
        return upload(role, mrn, name, author, "n.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    private String upload(Role role, String mrn, String name, String author, String file, byte[] content)
            throws Exception {
        HttpResponse<String> r = server.upload(role, metadata(mrn, name, author), file, content);
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    private static String metadata(String mrn, String name, String author) {
        return "{\"patientMrn\":\"" + mrn + "\",\"patientName\":\"" + name + "\",\"type\":\"consultation\","
                + "\"author\":\"" + author + "\",\"serviceDate\":\"2026-03-14\"}";
    }

    /** One endpoint and the roles that may use it; everyone else gets 403, the anonymous 401. */
    private record Endpoint(String name, Set<Role> allowed, int okStatus, Call call) {
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> as(Role role) throws Exception;
    }

    private List<Endpoint> endpoints() {
        Set<Role> clinical = EnumSet.of(Role.PHYSICIAN, Role.TRANSCRIPTIONIST, Role.CODER, Role.HIM);
        Set<Role> audit = EnumSet.of(Role.AUDITOR, Role.HIM);
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint("GET /api/me", EnumSet.allOf(Role.class), 200, r -> server.get(r, "/api/me")));
        list.add(new Endpoint("GET /api/documents/{own}", clinical, 200, r -> server.get(r, "/api/documents/" + ownId)));
        list.add(new Endpoint("GET /api/documents/{own}/versions/1", clinical, 200,
                r -> server.get(r, "/api/documents/" + ownId + "/versions/1")));
        list.add(new Endpoint("GET /api/documents/{own}/original", clinical, 200,
                r -> server.get(r, "/api/documents/" + ownId + "/original")));
        list.add(new Endpoint("GET /api/documents/{other}", EnumSet.of(Role.TRANSCRIPTIONIST, Role.CODER, Role.HIM),
                200, r -> server.get(r, "/api/documents/" + otherId)));
        list.add(new Endpoint("GET /api/search", clinical, 200, r -> server.get(r, "/api/search?q=petechiae")));
        Set<Role> correcting = EnumSet.of(Role.PHYSICIAN, Role.TRANSCRIPTIONIST);
        list.add(new Endpoint("GET /api/documents/{own}/draft", EnumSet.of(Role.PHYSICIAN, Role.TRANSCRIPTIONIST,
                Role.HIM), 200, r -> server.get(r, "/api/documents/" + ownId + "/draft")));
        list.add(new Endpoint("PUT /api/documents/{own}/draft", correcting, 200,
                r -> server.send(r, unchangedCorrection(ownId))));
        list.add(new Endpoint("POST /api/documents/{own}/ready-for-signature", correcting, 200,
                r -> server.send(r, HttpRequest.newBuilder(server.uri("/api/documents/" + freshDraft()
                        + "/ready-for-signature")).POST(HttpRequest.BodyPublishers.noBody()))));
        list.add(new Endpoint("POST /api/documents/{own}/signature", EnumSet.of(Role.PHYSICIAN), 200,
                r -> server.send(r, signedChange("POST", "/signature", "{\"attestation\":\"Reviewed by me.\"}"))));
        list.add(new Endpoint("POST /api/documents/{own}/addenda", EnumSet.of(Role.PHYSICIAN), 201,
                r -> server.send(r, signedChange("POST", "/addenda", "{\"text\":\"Seen again.\",\"reason\":"
                        + "\"follow-up\",\"attestation\":\"Reviewed by me.\"}"))));
        list.add(new Endpoint("GET /api/documents/{own}/codes", clinical, 200,
                r -> server.get(r, "/api/documents/" + signedId() + "/codes")));
        list.add(new Endpoint("PUT /api/documents/{own}/codes", EnumSet.of(Role.CODER, Role.HIM), 200,
                r -> server.send(r, signedChange("PUT", "/codes", acceptingEverySuggestion()))));
        list.add(new Endpoint("POST /api/documents", EnumSet.of(Role.PHYSICIAN, Role.TRANSCRIPTIONIST, Role.HIM), 202,
                r -> server.send(r, uploadRequest())));
        list.add(new Endpoint("GET /api/audit", audit, 200, r -> server.get(r, "/api/audit?limit=5")));
        list.add(new Endpoint("GET /api/audit/break-glass", audit, 200, r -> server.get(r, "/api/audit/break-glass")));
        list.add(new Endpoint("GET /api/users", EnumSet.of(Role.ADMIN), 200, r -> server.get(r, "/api/users")));
        list.add(new Endpoint("POST /api/users", EnumSet.of(Role.ADMIN), 201, r -> server.send(r, newUserRequest())));
        return list;
    }

    /** A PUT of the draft's own text with its ETag (read as HIM): allowed roles get 200 and no new version. */
    private HttpRequest.Builder unchangedCorrection(String id) throws Exception {
        HttpResponse<String> draft = server.get(Role.HIM, "/api/documents/" + id + "/draft");
        assertEquals(200, draft.statusCode(), draft.body());
        String text = JSON.readTree(draft.body()).get("text").asText();
        return HttpRequest.newBuilder(server.uri("/api/documents/" + id + "/draft"))
                .header("Content-Type", "application/json")
                .header("If-Match", draft.headers().firstValue("ETag").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("text", text).toString()));
    }

    /**
     * A signed document of the physician's own (made once): signing it again, reviewing the same codes again and
     * adding an addendum (once, as the only allowed role gets that far) all succeed, so each role's answer is its
     * role's.
     */
    private String signedId() throws Exception {
        if (signedId == null) {
            String id = freshDraft();
            assertEquals(200, server.send(Role.TRANSCRIPTIONIST, HttpRequest.newBuilder(server.uri("/api/documents/"
                    + id + "/ready-for-signature")).POST(HttpRequest.BodyPublishers.noBody())).statusCode());
            signedId = id;
            assertEquals(200, server.send(Role.PHYSICIAN, signedChange("POST", "/signature",
                    "{\"attestation\":\"Reviewed by me.\"}")).statusCode());
        }
        return signedId;
    }

    /** A change of the signed document made to its latest version (its ETag read as HIM). */
    private HttpRequest.Builder signedChange(String method, String path, String json) throws Exception {
        String id = signedId();
        String etag = server.get(Role.HIM, "/api/documents/" + id).headers().firstValue("ETag").orElseThrow();
        return HttpRequest.newBuilder(server.uri("/api/documents/" + id + path)).header("If-Match", etag)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    /** The code review that accepts whatever the latest version suggests (nothing when there is no code index). */
    private String acceptingEverySuggestion() throws Exception {
        JsonNode codes = JSON.readTree(server.get(Role.CODER, "/api/documents/" + signedId() + "/codes").body());
        var decisions = JSON.createArrayNode();
        codes.path("suggestions").forEach(c -> decisions.add(JSON.createObjectNode()
                .put("code", c.get("code").asText()).put("decision", "accepted")));
        return JSON.createObjectNode().set("codes", decisions).toString();
    }

    /** A new draft of the physician's own, uploaded by HIM (sending one for signature is done once per draft). */
    private String freshDraft() throws Exception {
        String id = uploadAs(Role.HIM, MRN, PATIENT, ServerProcess.PHYSICIAN_NAME, "PLAN: rest.");
        awaitDraft(id);
        return id;
    }

    private void awaitDraft(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!JSON.readTree(server.get("/api/documents/" + id).body()).get("state").asText().equals("draft")
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private HttpRequest.Builder uploadRequest() {
        Multipart body = new Multipart();
        return HttpRequest.newBuilder(server.uri("/api/documents")).header("Content-Type", body.contentType())
                .POST(body.upload(Multipart.metadata("M-1", "Matrix Patient", "other"), "m.txt",
                        "PLAN: rest.".getBytes(StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder newUserRequest() {
        String user = "u" + UUID.randomUUID().toString().substring(0, 8);
        return HttpRequest.newBuilder(server.uri("/api/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"displayName\":\"U\","
                        + "\"roles\":[\"CODER\"],\"password\":\"a-long-enough-password\"}"));
    }

    @Test
    @Order(1)
    void everyEndpointAnswersEachRoleAsDeclared() throws Exception {
        assertMatrix(endpoints());
        for (String open : List.of("/", "/health")) {
            assertEquals(200, server.get(null, open).statusCode(), open + " is public");
        }
    }

    /** The dictation's audio: needs speech recognition enabled (else dictations are refused at upload). */
    @Test
    @Order(1)
    void theAudioOfADictationAnswersEachRoleAsDeclared() throws Exception {
        HttpResponse<String> r = server.upload(Role.PHYSICIAN, metadata(MRN, PATIENT, ServerProcess.PHYSICIAN_NAME),
                "tone.wav", tone());
        Assumptions.assumeTrue(r.statusCode() != 415, "dictation uploads need ffmpeg and pocketsphinx (CI installs"
                + " them: see .ci/run): " + r.body());
        assertEquals(202, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        assertMatrix(List.of(new Endpoint("GET /api/documents/{own}/audio", EnumSet.of(Role.PHYSICIAN,
                Role.TRANSCRIPTIONIST, Role.HIM), 200, role -> server.get(role, "/api/documents/" + id + "/audio"))));
    }

    /** Half a second of a 440 Hz tone, 16 kHz mono WAV. */
    private static byte[] tone() throws Exception {
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(16_000, 16, 1, true, false);
        byte[] pcm = new byte[16_000];
        for (int i = 0; i < pcm.length / 2; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        try (javax.sound.sampled.AudioInputStream in = new javax.sound.sampled.AudioInputStream(
                new java.io.ByteArrayInputStream(pcm), format, pcm.length / 2);
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        }
    }

    private void assertMatrix(List<Endpoint> endpoints) throws Exception {
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            int anonymous = e.call().as(null).statusCode();
            if (anonymous != 401) {
                wrong.put(e.name() + " anonymous", String.valueOf(anonymous));
            }
            for (Role role : Role.values()) {
                int expected = e.allowed().contains(role) ? e.okStatus() : 403;
                HttpResponse<String> r = e.call().as(role);
                if (r.statusCode() != expected) {
                    wrong.put(e.name() + " as " + role, r.statusCode() + " (expected " + expected + ")");
                }
            }
        }
        assertTrue(wrong.isEmpty(), "role matrix mismatches: " + wrong);
    }

    @Test
    @Order(2)
    void aPhysicianOpensAnotherPatientsRecordOnlyByBreakingTheGlass() throws Exception {
        HttpResponse<String> refused = server.get(Role.PHYSICIAN, "/api/documents/" + otherId);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("X-Break-Glass-Reason"), "the refusal says how to break the glass");
        assertEquals(400, server.get(Role.PHYSICIAN, "/api/documents/" + otherId,
                "X-Break-Glass-Reason", "short").statusCode(), "a reason is required");
        HttpResponse<String> opened = server.get(Role.PHYSICIAN, "/api/documents/" + otherId,
                "X-Break-Glass-Reason", "unconscious patient in the emergency department");
        assertEquals(200, opened.statusCode());
        HttpResponse<String> notTheirs = server.send(Role.PHYSICIAN, unchangedCorrection(otherId)
                .header("X-Break-Glass-Reason", "unconscious patient in the emergency department"));
        assertEquals(403, notTheirs.statusCode(), "breaking the glass opens a record for reading, not for editing");
        assertTrue(notTheirs.body().contains("only documents you authored"), notTheirs.body());

        JsonNode review = JSON.readTree(server.get(Role.AUDITOR, "/api/audit/break-glass").body()).get("entries");
        assertTrue(review.size() >= 1);
        JsonNode event = review.get(0).get("event");
        assertEquals("physician", event.get("user").asText());
        assertEquals(OTHER_MRN, event.get("patientMrn").asText());
        assertEquals("unconscious patient in the emergency department", event.get("reason").asText());

        JsonNode own = JSON.readTree(server.get(Role.PHYSICIAN, "/api/search?q=petechiae").body());
        assertEquals(1, own.get("total").asLong(), "a physician's search covers their own documents");
        assertEquals(403, server.get(Role.PHYSICIAN, "/api/search?q=petechiae&author="
                + URLEncoder.encode("Dr. Someone Else", StandardCharsets.UTF_8)).statusCode());
        JsonNode all = JSON.readTree(server.get(Role.PHYSICIAN, "/api/search?q=petechiae",
                "X-Break-Glass-Reason", "mass casualty incident, all hands").body());
        assertEquals(2, all.get("total").asLong());
    }

    @Test
    @Order(3)
    void everyAccessIsAuditedAndTheChainHolds() throws Exception {
        assertEquals(401, server.login("coder", "wrong password entirely").statusCode());
        server.get(Role.CODER, "/api/documents/" + ownId);
        server.get(Role.CODER, "/api/search?q=" + URLEncoder.encode(PATIENT, StandardCharsets.UTF_8));

        JsonNode reads = entries("action=READ&patient=" + MRN + "&user=coder");
        assertTrue(reads.size() >= 1, "the coder's read of the record is audited");
        assertEquals(ownId, reads.get(0).get("event").get("documentId").asText());
        JsonNode searches = entries("action=SEARCH&user=coder");
        assertTrue(searches.get(0).get("event").get("detail").asText().contains(PATIENT), "the query is audited");
        JsonNode failed = entries("action=LOGIN&outcome=failure&user=coder");
        assertEquals("wrong password", failed.get(0).get("event").get("reason").asText());
        assertTrue(entries("action=LOGIN&outcome=success").size() >= 6, "logins are audited");
        JsonNode denied = entries("action=ACCESS&outcome=denied");
        assertTrue(denied.size() >= 1, "refusals are audited");
        assertTrue(entries("action=WRITE&patient=" + MRN).size() >= 1, "uploads are audited");
        assertTrue(entries("action=DOWNLOAD").size() >= 1, "downloads are audited");
        assertTrue(entries("action=ADMINISTER").size() >= 1, "account administration is audited");

        AuditLog.Verification v = AuditLog.verify(server.dataDir().resolve("audit"),
                ChartroomRuntime.encryption(ChartroomSettings.defaults(server.dataDir()), Map.of()));
        assertTrue(v.intact(), v.problem());
        assertTrue(v.entries() > 50);
    }

    private JsonNode entries(String query) throws Exception {
        return server.auditEntries(query);
    }

    @Test
    @Order(4)
    void repeatedFailuresLockTheAccountWithBackoff() throws Exception {
        String user = "lockme";
        HttpResponse<String> created = server.send(Role.ADMIN, HttpRequest.newBuilder(server.uri("/api/users"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"lockme\",\"roles\":[\"CODER\"],\"password\":\"the-right-password\"}")));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, server.login(user, "the-right-password").statusCode());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, server.login(user, "a-wrong-password-" + i).statusCode());
        }
        assertEquals(401, server.login(user, "the-right-password").statusCode(), "locked, even with the password");
        JsonNode locked = entries("action=LOGIN&user=lockme&outcome=failure");
        assertTrue(locked.get(0).get("event").get("reason").asText().contains("locked"));
    }

    @Test
    @Order(5)
    void noPhiReachesTheApplicationLog() throws Exception {
        String log = server.logText();
        for (String phi : Arrays.asList(PATIENT, OTHER_PATIENT, MRN, OTHER_MRN, PHRASE, "petechiae",
                "Matrix Patient", "unconscious patient")) {
            assertFalse(log.contains(phi), "the log contains '" + phi + "'");
        }
        assertTrue(log.contains("GET /api/documents/" + ownId), "the access log names the document id");
    }

    @Test
    @Order(6)
    void theServerSpeaksOnlyHttpsWithTheCertificateItPrintedAndSecureHeaders() throws Exception {
        HttpResponse<String> page = server.get(null, "/");
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isPresent());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("no-store", server.get(null, "/api/me").headers().firstValue("Cache-Control").orElse(""),
                "even a refusal is not cached");

        java.security.cert.X509Certificate served;
        javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        java.util.concurrent.atomic.AtomicReference<java.security.cert.X509Certificate> seen =
                new java.util.concurrent.atomic.AtomicReference<>();
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) { }

            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {
                seen.set(c[0]);
            }

            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        java.net.http.HttpClient.newBuilder().sslContext(trustAll).build().send(
                HttpRequest.newBuilder(server.uri("/health")).build(), HttpResponse.BodyHandlers.discarding());
        served = seen.get();
        String fingerprint = java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(served.getEncoded()));
        assertEquals(server.printedFingerprint(), fingerprint, "the served certificate is the one announced");

        java.net.URI plain = java.net.URI.create(server.uri("/health").toString().replace("https:", "http:"));
        boolean plainAnswered;
        try {
            HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            plainAnswered = r.statusCode() == 200;
        } catch (java.io.IOException e) {
            plainAnswered = false;
        }
        assertFalse(plainAnswered, "plain HTTP is not served");
    }

    @Test
    @Order(7)
    void tokensExpire() throws Exception {
        try (ServerProcess shortLived = new ServerProcess(work.resolve("data2"), work.resolve("server2.log"),
                Map.of("CHARTROOM_TOKEN_TTL_SECONDS", "2")).start()) {
            assertEquals(200, shortLived.get(Role.CODER, "/api/me").statusCode());
            Thread.sleep(3_500);
            assertEquals(401, shortLived.get(Role.CODER, "/api/me").statusCode(), "the token expired");
        }
    }
}
