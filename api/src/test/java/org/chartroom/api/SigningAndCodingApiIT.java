package org.chartroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.io.output.NullOutputStream;
import org.chartroom.api.support.CodeRelease;
import org.chartroom.api.support.ServerProcess;
import org.chartroom.core.security.Role;
import org.chartroom.nlp.codes.CodeIndexBuilder;
import org.chartroom.nlp.codes.CodeIndexHome;
import org.chartroom.nlp.codes.Icd10cmRelease;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record's life after the draft, through the real server: a corrected draft goes for signature and is signed
 * by its author only; the signed text is frozen; an addendum is a new signed version the search follows; a coder
 * reviews the suggested codes of the latest version, adds one by hand (checked against the code index), and a later
 * addendum leaves that review marked as made for the earlier version. With every refusal on the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigningAndCodingApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATIENT = "Philippa Wendeborn";
    private static final String MRN = "SIGN-31337";
    private static final String NOTE = "CHIEF COMPLAINT: Follow-up.\n\nASSESSMENT: Type 2 diabetes mellitus."
            + " Essential hypertension.\n\nPLAN: Continue metformin.";
    private static final String CORRECTED = NOTE.replace("Continue metformin.", "Continue metformin 500 mg twice"
            + " daily. Recheck in three months.");
    private static final String ATTEST = "Reviewed and approved by me; accurate and complete to my knowledge.";
    /** A release with what the note needs, one code to add by hand and a category header. */
    private static final List<CodeRelease.Code> CODES = List.of(
            CodeRelease.Code.billable("E1165", "Type 2 diabetes mellitus with hyperglycemia"),
            CodeRelease.Code.header("E11", "Type 2 diabetes mellitus"),
            CodeRelease.Code.billable("E119", "Type 2 diabetes mellitus without complications"),
            CodeRelease.Code.billable("I10", "Essential (primary) hypertension"),
            CodeRelease.Code.billable("Z7984", "Long term (current) use of oral hypoglycemic drugs"));
    private static final String INDEX = """
            1,D,0,"Diabetes, diabetic",,,(mellitus),E11.9
            2,D,1,type 2,,,,E11.9
            3,H,0,Hypertension,,,(arterial) (essential) (primary) (systemic),I10
            """;

    private ServerProcess server;
    private String id;
    private String othersId;
    private String signedText;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Path release = CodeRelease.write(work.resolve("icd10cm"), CODES, INDEX, null);
        Path data = work.resolve("data");
        // What `chartroom codes import` does, before the first start: the first note already gets code suggestions.
        CodeIndexBuilder.build(new Icd10cmRelease(release), data.resolve("codes"),
                new PrintStream(NullOutputStream.INSTANCE));
        server = new ServerProcess(data, work.resolve("server.log"),
                Map.of(CodeIndexHome.SETTING, release.toString())).start();
        id = upload(ServerProcess.PHYSICIAN_NAME, NOTE);
        othersId = upload("Dr. Someone Else", "ASSESSMENT: Essential hypertension.");
        awaitState(id, "draft");
        awaitState(othersId, "draft");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private String upload(String author, String text) throws Exception {
        HttpResponse<String> r = server.upload(Role.HIM, "{\"patientMrn\":\"" + MRN + "\",\"patientName\":\"" + PATIENT
                + "\",\"type\":\"progress_note\",\"author\":\"" + author + "\",\"serviceDate\":\"2026-03-14\"}",
                "note.txt", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    private JsonNode document(String documentId) throws Exception {
        HttpResponse<String> r = server.get(Role.HIM, "/api/documents/" + documentId);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private void awaitState(String documentId, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!document(documentId).get("state").asText().equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(state, document(documentId).get("state").asText());
    }

    /** A request with a JSON body (none when {@code body} is null) and extra headers. */
    private HttpResponse<String> send(Role role, String method, String path, JsonNode body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return server.send(role, b);
    }

    private HttpResponse<String> sign(Role role, String documentId, String attestation, String... headers)
            throws Exception {
        ObjectNode body = JSON.createObjectNode();
        if (attestation != null) {
            body.put("attestation", attestation);
        }
        return send(role, "POST", "/api/documents/" + documentId + "/signature", body, headers);
    }

    private HttpResponse<String> addendum(Role role, String documentId, String text, String reason, String... headers)
            throws Exception {
        return send(role, "POST", "/api/documents/" + documentId + "/addenda", JSON.createObjectNode()
                .put("text", text).put("reason", reason).put("attestation", ATTEST), headers);
    }

    private HttpResponse<String> review(Role role, ArrayNode codes, String... headers) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.set("codes", codes);
        return send(role, "PUT", "/api/documents/" + id + "/codes", body, headers);
    }

    private static ObjectNode decision(String code, String decision, String reason) {
        ObjectNode d = JSON.createObjectNode().put("code", code).put("decision", decision);
        return reason == null ? d : d.put("reason", reason);
    }

    private long hits(String queryAndFilters) throws Exception {
        HttpResponse<String> r = server.get(Role.CODER, "/api/search?" + queryAndFilters);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("total").asLong();
    }

    private static String q(String query) {
        return "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefused(int status, String phrase, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                r.headers().toString());
        assertTrue(r.body().contains(phrase), "'" + phrase + "' in: " + r.body());
    }

    @Test
    @Order(1)
    void onlyTheAuthorSignsTheVersionPendingSignature() throws Exception {
        HttpResponse<String> corrected = send(Role.TRANSCRIPTIONIST, "PUT", "/api/documents/" + id + "/draft",
                JSON.createObjectNode().put("text", CORRECTED), "If-Match", "\"v1\"");
        assertEquals(200, corrected.statusCode(), corrected.body());
        assertRefused(409, "ready-for-signature", sign(Role.PHYSICIAN, id, ATTEST, "If-Match", "\"v2\""));
        for (String draft : List.of(id, othersId)) {
            HttpResponse<String> ready = send(Role.TRANSCRIPTIONIST, "POST", "/api/documents/" + draft
                    + "/ready-for-signature", null);
            assertEquals(200, ready.statusCode(), ready.body());
        }

        assertRefused(428, "If-Match", sign(Role.PHYSICIAN, id, ATTEST));
        assertRefused(412, "version 1 is not the latest", sign(Role.PHYSICIAN, id, ATTEST, "If-Match", "\"v1\""));
        assertRefused(400, "attestation", sign(Role.PHYSICIAN, id, null, "If-Match", "\"v2\""));
        for (Role notPhysician : List.of(Role.TRANSCRIPTIONIST, Role.CODER, Role.HIM)) {
            assertEquals(403, sign(notPhysician, id, ATTEST, "If-Match", "\"v2\"").statusCode(), notPhysician.name());
        }
        assertRefused(403, "only the document's author", sign(Role.PHYSICIAN, othersId, ATTEST, "If-Match",
                "\"v1\""));
        assertRefused(403, "breaking the glass does not change that", sign(Role.PHYSICIAN, othersId, ATTEST,
                "If-Match", "\"v1\"", "X-Break-Glass-Reason", "covering for a colleague on leave"));
        assertEquals("pending_signature", document(othersId).get("state").asText());

        HttpResponse<String> signed = sign(Role.PHYSICIAN, id, ATTEST, "If-Match", "\"v2\"");
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals("\"v2\"", signed.headers().firstValue("ETag").orElse(""));
        JsonNode body = JSON.readTree(signed.body());
        assertEquals("signed", body.get("state").asText());
        JsonNode signature = body.get("signature");
        assertEquals(2, signature.get("version").asInt());
        assertEquals("physician", signature.get("signedBy").asText());
        assertEquals(ServerProcess.PHYSICIAN_NAME, signature.get("signerName").asText());
        assertEquals(sha256(CORRECTED), signature.get("sha256").asText());
        assertEquals(ATTEST, signature.get("attestation").asText());
        assertTrue(signature.get("textMatches").asBoolean());
        String signedAt = signature.get("signedAt").asText();

        HttpResponse<String> again = sign(Role.PHYSICIAN, id, ATTEST, "If-Match", "\"v2\"");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(signedAt, JSON.readTree(again.body()).get("signature").get("signedAt").asText(),
                "signing again keeps the first signature");

        JsonNode doc = document(id);
        assertEquals("signed", doc.get("state").asText());
        assertEquals(1, doc.get("signatures").size());
        assertEquals(Map.of("version", 2, "signed", true, "textMatches", true),
                JSON.convertValue(doc.get("signatureCheck"), Map.class));
        assertEquals(1, hits(q("status:signed AND mrn:" + MRN)));
        signedText = doc.get("text").asText();
        assertEquals(CORRECTED, signedText);

        JsonNode writes = server.auditEntries("action=WRITE&document=" + id);
        List<String> details = new ArrayList<>();
        writes.forEach(e -> details.add(e.get("event").path("detail").asText() + " / " + e.get("event").path("outcome")
                .asText()));
        assertTrue(details.contains("signature signed, version 2, sha256 " + sha256(CORRECTED) + " / success"),
                details.toString());
        assertTrue(details.stream().anyMatch(d -> d.startsWith("signature / failure")), details.toString());
        JsonNode denied = server.auditEntries("outcome=denied&document=" + othersId);
        assertTrue(denied.size() >= 2, "refused signatures are audited: " + denied);
    }

    @Test
    @Order(2)
    void theSignedTextIsNotCorrectedAgain() throws Exception {
        for (Role role : List.of(Role.TRANSCRIPTIONIST, Role.PHYSICIAN)) {
            assertRefused(409, "addendum", send(role, "PUT", "/api/documents/" + id + "/draft",
                    JSON.createObjectNode().put("text", CORRECTED + " Edited."), "If-Match", "\"v2\""));
        }
        assertRefused(409, "addendum", send(Role.TRANSCRIPTIONIST, "POST", "/api/documents/" + id
                + "/ready-for-signature", null));
        assertEquals(CORRECTED, document(id).get("text").asText());
    }

    @Test
    @Order(3)
    void anAddendumIsANewVersionSignedByItsAuthorAndTheSearchFollowsIt() throws Exception {
        String words = "Hemoglobin A1c 8.1 percent, above target; glimepiride added.";
        assertRefused(428, "If-Match", addendum(Role.PHYSICIAN, id, words, "lab results received"));
        assertEquals(403, addendum(Role.TRANSCRIPTIONIST, id, words, "lab results received", "If-Match", "\"v2\"")
                .statusCode(), "a transcriptionist does not write addenda");
        assertRefused(403, "only the document's author", addendum(Role.PHYSICIAN, othersId, words, "lab results",
                "If-Match", "\"v1\""));
        assertRefused(412, "version 1 is not the latest", addendum(Role.PHYSICIAN, id, words, "lab results received",
                "If-Match", "\"v1\""));

        HttpResponse<String> added = addendum(Role.PHYSICIAN, id, words, "lab results received", "If-Match",
                "\"v2\"");
        assertEquals(201, added.statusCode(), added.body());
        assertEquals("\"v3\"", added.headers().firstValue("ETag").orElse(""));
        assertEquals("/api/documents/" + id + "/versions/3", added.headers().firstValue("Location").orElse(""));
        JsonNode body = JSON.readTree(added.body());
        assertEquals("amended", body.get("state").asText());
        String text = body.get("text").asText();
        assertTrue(text.startsWith(signedText + "\n\n----- ADDENDUM (version 3) -----\n"), text);
        assertTrue(text.contains("Reason: lab results received") && text.contains(words)
                && text.contains("Author: " + ServerProcess.PHYSICIAN_NAME + " (physician)"), text);
        assertEquals(signedText.length(), body.get("addendum").get("start").asInt());
        assertEquals(sha256(text), body.get("signature").get("sha256").asText());
        assertEquals(3, body.get("signature").get("version").asInt());

        HttpResponse<String> retried = addendum(Role.PHYSICIAN, id, words, "lab results received", "If-Match",
                "\"v2\"");
        assertEquals(200, retried.statusCode(), "a retry answers with the addendum made: " + retried.body());
        assertEquals(3, JSON.readTree(retried.body()).get("version").asInt());

        assertEquals(signedText, JSON.readTree(server.get(Role.CODER, "/api/documents/" + id + "/versions/2").body())
                .get("text").asText(), "the signed version stays readable as signed");
        assertEquals(1, hits(q("glimepiride AND status:amended AND mrn:" + MRN)), "search follows the addendum");
        JsonNode doc = document(id);
        assertEquals(3, doc.get("versions").size());
        assertEquals(2, doc.get("signatures").size());
        doc.get("signatures").forEach(s -> assertTrue(s.get("textMatches").asBoolean(), s.toString()));
        assertEquals("lab results received", doc.get("addenda").get(0).get("reason").asText());
        assertEquals(3, doc.get("signatureCheck").get("version").asInt());
        assertTrue(doc.get("signatureCheck").get("textMatches").asBoolean());
    }

    @Test
    @Order(4)
    void aCoderReviewsTheSuggestedCodesOfTheLatestVersionAndAddsOne() throws Exception {
        HttpResponse<String> codes = server.get(Role.CODER, "/api/documents/" + id + "/codes");
        assertEquals(200, codes.statusCode(), codes.body());
        assertEquals("\"v3\"", codes.headers().firstValue("ETag").orElse(""));
        JsonNode view = JSON.readTree(codes.body());
        assertEquals("unreviewed", view.get("review").asText());
        List<String> suggested = view.get("suggestions").findValuesAsText("code");
        assertTrue(suggested.containsAll(List.of("E11.9", "I10")), suggested.toString());

        ArrayNode decisions = JSON.createArrayNode();
        for (String code : suggested) {
            decisions.add(code.equals("E11.9") ? decision(code, "accepted", null)
                    : decision(code, "rejected", "not supported by the documentation"));
        }
        ArrayNode withHeader = decisions.deepCopy().add(decision("E11", "added", null));
        ArrayNode withUnknown = decisions.deepCopy().add(decision("E78.5", "added", null));
        decisions.add(decision("z7984", "added", "long-term oral hypoglycemics"));

        assertEquals(403, review(Role.PHYSICIAN, decisions, "If-Match", "\"v3\"").statusCode());
        assertEquals(403, review(Role.TRANSCRIPTIONIST, decisions, "If-Match", "\"v3\"").statusCode());
        assertRefused(428, "If-Match", review(Role.CODER, decisions));
        assertRefused(412, "version 2 is not the latest", review(Role.CODER, decisions, "If-Match", "\"v2\""));
        assertRefused(422, "E78.5 is not in the ICD-10-CM code index", review(Role.CODER, withUnknown, "If-Match",
                "\"v3\""));
        assertRefused(422, "E11 is a category, not a billable code; choose a billable code under it, e.g. E11.65,"
                + " E11.9", review(Role.CODER, withHeader, "If-Match", "\"v3\""));

        HttpResponse<String> reviewed = review(Role.CODER, decisions, "If-Match", "\"v3\"");
        assertEquals(200, reviewed.statusCode(), reviewed.body());
        JsonNode review = JSON.readTree(reviewed.body()).get("reviewed");
        assertEquals(3, review.get("version").asInt());
        assertTrue(review.get("current").asBoolean());
        assertEquals("coder", review.get("reviewedBy").asText());
        assertTrue(review.get("checkedAgainstIndex").asBoolean());
        assertEquals(List.of("E11.9", "Z79.84"), JSON.convertValue(review.get("finalCodes"), List.class));
        JsonNode added = review.get("codes").get(review.get("codes").size() - 1);
        assertEquals("Long term (current) use of oral hypoglycemic drugs", added.get("description").asText());
        assertEquals("added", added.get("decision").asText());

        HttpResponse<String> same = review(Role.HIM, decisions, "If-Match", "\"v3\"");
        assertEquals(200, same.statusCode(), same.body());
        assertEquals("coder", JSON.readTree(same.body()).get("reviewed").get("reviewedBy").asText(),
                "the same decisions again change nothing");

        assertEquals(1, hits(q("final_code:Z79.84 AND mrn:" + MRN)));
        assertEquals(0, hits(q("final_code:I10 AND mrn:" + MRN)), "a rejected code is not a final code");
        assertEquals(1, hits(q("mrn:" + MRN) + "&review=reviewed"));
        JsonNode facets = JSON.readTree(server.get(Role.CODER, "/api/search?" + q("mrn:" + MRN)).body())
                .get("facets").get("review");
        assertEquals(Set.of("reviewed"), Set.copyOf(facets.findValuesAsText("value")),
                "the other note is not signed, so not yet for coding: " + facets);
        JsonNode doc = document(id);
        assertEquals("reviewed", doc.get("review").asText());
        assertEquals("coder", doc.get("codeReview").get("reviewedBy").asText());
        assertTrue(server.auditEntries("action=WRITE&document=" + id).toString()
                .contains("code review of version 3: E11.9 accepted"));
    }

    @Test
    @Order(5)
    void aLaterAddendumLeavesTheReviewMarkedAsMadeForTheEarlierVersion() throws Exception {
        HttpResponse<String> added = addendum(Role.PHYSICIAN, id, "Patient declined glimepiride.", "patient call",
                "If-Match", "\"v3\"");
        assertEquals(201, added.statusCode(), added.body());
        JsonNode view = JSON.readTree(server.get(Role.CODER, "/api/documents/" + id + "/codes").body());
        assertEquals(4, view.get("version").asInt());
        assertEquals("outdated", view.get("review").asText());
        assertEquals(3, view.get("reviewed").get("version").asInt());
        assertFalse(view.get("reviewed").get("current").asBoolean());
        assertEquals(1, hits(q("review:outdated AND final_code:E11.9 AND mrn:" + MRN)));
    }

    @Test
    @Order(6)
    void noPhiReachesTheApplicationLog() throws Exception {
        String log = server.logText();
        for (String phi : List.of(PATIENT, MRN, "glimepiride", "Z79.84", "E78.5", ATTEST)) {
            assertFalse(log.contains(phi), "the log contains '" + phi + "'");
        }
        assertTrue(server.isHealthy());
    }
}
