package org.chartroom.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.chartroom.api.support.CodeRelease;
import org.chartroom.api.support.ServerProcess;
import org.chartroom.core.security.Role;
import org.chartroom.nlp.codes.CodeIndex;
import org.chartroom.nlp.codes.CodeIndexHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The document and search API of the real server over HTTP: upload, status, text, pages, versions, search. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ServerProcess server;
    private Path dataDir;

    /** A release of four codes in the CDC layouts: enough for the pipeline's code suggestions over HTTP. */
    private static final List<CodeRelease.Code> CODES = List.of(
        CodeRelease.Code.billable("E109", "Type 1 diabetes mellitus without complications"),
        CodeRelease.Code.billable("E119", "Type 2 diabetes mellitus without complications"),
        CodeRelease.Code.billable("S82202A",
                "Unspecified fracture of shaft of left tibia, initial encounter for closed fracture"),
        CodeRelease.Code.billable("S82209A",
                "Unspecified fracture of shaft of unspecified tibia, initial encounter for closed fracture"));
    private static final String INDEX = """
            1,D,0,"Diabetes, diabetic",,,(mellitus),E11.9
            2,D,1,type 1,,,,E10.9
            3,F,0,"Fracture, traumatic",,,,
            4,F,1,tibia,,,,
            5,F,2,shaft,,,,S82.20-
            """;
    private static final String TABULAR = """
            <ICD10CM.tabular><chapter><section>
            <diag><name>E10</name><excludes1><note>type 2 diabetes mellitus (E11.-)</note></excludes1></diag>
            <diag><name>S82</name><sevenChrDef><extension char="A">initial encounter for closed fracture</extension>
            <extension char="D">subsequent encounter for closed fracture with routine healing</extension>
            </sevenChrDef></diag>
            </section></chapter></ICD10CM.tabular>
            """;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Path release = CodeRelease.write(work.resolve("icd10cm"), CODES, INDEX, TABULAR);
        // No `codes import`: the server builds the code index from the release it is given on its first start.
        dataDir = work.resolve("data");
        server = new ServerProcess(dataDir, work.resolve("server.log"),
                Map.of(CodeIndexHome.SETTING, release.toString())).start();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> upload(String metadata, String name, byte[] content) throws Exception {
        return server.upload(metadata, name, content);
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private JsonNode awaitSettled(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode doc = getJson("/api/documents/" + id);
        while (!Set.of("draft", "failed").contains(doc.get("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            doc = getJson("/api/documents/" + id);
        }
        return doc;
    }

    private static String meta(String mrn, String type, String author, String date) {
        return "{\"patientMrn\":\"" + mrn + "\",\"patientName\":\"Test Patient\",\"type\":\"" + type
                + "\",\"author\":\"" + author + "\",\"serviceDate\":\"" + date + "\"}";
    }

    private static byte[] twoPagePdf() throws Exception {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String[] pages = {"HISTORY OF PRESENT ILLNESS: Knee pain after a fall.", "PLAN: Physical therapy."};
            for (String line : pages) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    text.newLineAtOffset(72, 700);
                    text.showText(line);
                    text.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPdfUploadBecomesADraftWithPagesSectionsVersionsAndItsOriginal() throws Exception {
        byte[] pdf = twoPagePdf();
        HttpResponse<String> accepted = upload(meta("MRN-PDF", "consultation", "Dr. Page", "2026-02-01"),
                "scan-name-does-not-matter.bin", pdf);
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode body = JSON.readTree(accepted.body());
        String id = body.get("id").asText();
        assertEquals("application/pdf", body.get("mediaType").asText());
        assertEquals("/api/documents/" + id, accepted.headers().firstValue("Location").orElseThrow());

        JsonNode doc = awaitSettled(id);
        assertEquals("draft", doc.get("state").asText());
        assertEquals(2, doc.get("pages").size());
        assertTrue(doc.get("text").asText().contains("Knee pain"));
        assertEquals(List.of("history_of_present_illness", "plan"),
                doc.get("sections").findValuesAsText("type"));
        assertEquals(1, doc.get("versions").size());
        assertEquals("consultation", doc.get("metadata").get("type").asText());

        JsonNode v1 = getJson("/api/documents/" + id + "/versions/1");
        assertEquals(2, v1.get("pages").size());
        assertTrue(v1.get("pages").get(1).get("text").asText().contains("Physical therapy"));

        HttpResponse<byte[]> original = server.client().send(HttpRequest.newBuilder(
                server.uri("/api/documents/" + id + "/original")).header("Authorization",
                server.authorization(Role.HIM)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, original.statusCode());
        assertEquals("application/pdf", original.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(pdf, original.body());

        HttpResponse<String> missingVersion = server.get("/api/documents/" + id + "/versions/9");
        assertEquals(404, missingVersion.statusCode());
    }

    @Test
    void aDocumentCarriesItsConceptsAndCodeSuggestions() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!CodeIndex.exists(dataDir.resolve("codes"))) {
            assertTrue(System.nanoTime() < deadline, "the server built no code index on its first start");
            Thread.sleep(200);
        }
        Thread.sleep(6_000);  // the pipeline's annotator looks for a new code index every 5 s
        String note = "ASSESSMENT: Tibial shaft fracture. Type 1 diabetes mellitus. Type 2 diabetes. No femur fracture.";
        HttpResponse<String> accepted = upload(meta("MRN-CODES", "progress_note", "Dr. Code", "2026-03-01"),
                "note.txt", note.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode doc = awaitSettled(JSON.readTree(accepted.body()).get("id").asText());
        assertEquals("draft", doc.get("state").asText(), doc.toString());

        JsonNode negated = null;
        for (JsonNode c : doc.get("concepts")) {
            negated = c.get("text").asText().equals("femur fracture") ? c : negated;
        }
        assertTrue(negated != null && negated.get("assertion").get("negated").asBoolean(),
                doc.get("concepts").toString());

        Map<String, JsonNode> codes = new java.util.HashMap<>();
        doc.get("codes").forEach(c -> codes.put(c.get("code").asText(), c));
        assertEquals(Set.of("S82.209A", "E10.9", "E11.9"), codes.keySet(), doc.get("codes").toString());
        JsonNode fracture = codes.get("S82.209A");
        assertEquals("Tibial shaft fracture", note.substring(fracture.get("evidence").get(0).get("start").asInt(),
                fracture.get("evidence").get(0).get("end").asInt()));
        Map<String, JsonNode> axes = new java.util.HashMap<>();
        fracture.get("axes").forEach(a -> axes.put(a.get("axis").asText(), a));
        assertEquals("unspecified", axes.get("laterality").get("value").asText());
        assertEquals("initial encounter for closed fracture", axes.get("episode").get("value").asText());
        assertTrue(!axes.get("episode").get("stated").asBoolean() && !axes.get("episode").get("reason").asText()
                .isEmpty(), fracture.toString());
        assertEquals("E11.9", codes.get("E10.9").get("conflicts").get(0).get("code").asText());
        assertEquals("excludes1", codes.get("E11.9").get("conflicts").get(0).get("kind").asText());
    }

    @Test
    void searchFiltersPagesHighlightsAndCountsFacets() throws Exception {
        String[][] docs = {
            {"MRN-S1", "operative_report", "Dr. Cut", "2025-01-10", "PROCEDURE: Appendectomy. Marker filtq."},
            {"MRN-S1", "progress_note", "Dr. Talk", "2025-02-10", "ASSESSMENT: Doing well. Marker filtq."},
            {"MRN-S2", "progress_note", "Dr. Talk", "2025-03-10", "MEDICATIONS: Aspirin. Marker filtq."},
            {"MRN-S3", "discharge_summary", "Dr. Talk", "2025-04-10", "MEDICATIONS: Warfarin. Marker filtq."},
        };
        for (String[] d : docs) {
            HttpResponse<String> r = upload(meta(d[0], d[1], d[2], d[3]), "n.txt", d[4].getBytes(StandardCharsets.UTF_8));
            assertEquals(202, r.statusCode(), r.body());
            awaitSettled(JSON.readTree(r.body()).get("id").asText());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (search("q=filtq").get("total").asLong() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        JsonNode all = search("q=filtq");
        assertEquals(4, all.get("total").asLong());
        assertTrue(all.get("hits").get(0).get("snippets").get(0).asText().contains("<b>filtq</b>"));
        Map<String, Long> types = counts(all.get("facets").get("type"));
        assertEquals(Map.of("operative_report", 1L, "progress_note", 2L, "discharge_summary", 1L), types);
        assertEquals(3L, counts(all.get("facets").get("author")).get("Dr. Talk"));

        assertEquals(2, search("q=filtq&mrn=MRN-S1").get("total").asLong());
        assertEquals(2, search("q=filtq&type=progress_note").get("total").asLong());
        assertEquals(1, search("q=filtq&author=" + enc("Dr. Cut")).get("total").asLong());
        assertEquals(2, search("q=filtq&section=medications").get("total").asLong());
        assertEquals(2, search("q=filtq&from=2025-02-10&to=2025-03-10").get("total").asLong());
        assertEquals(4, search("q=filtq&status=draft").get("total").asLong());
        assertEquals(1, search("q=" + enc("section_medications:aspirin")).get("total").asLong());

        Set<String> seen = new HashSet<>();
        for (int offset = 0; offset < 4; offset += 3) {
            for (JsonNode hit : search("q=filtq&limit=3&offset=" + offset).get("hits")) {
                assertTrue(seen.add(hit.get("id").asText()), "pages do not overlap");
            }
        }
        assertEquals(4, seen.size());
    }

    @Test
    void theWebPageIsServed() throws Exception {
        HttpResponse<String> page = server.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Chartroom</title>"));
    }

    /**
     * The OpenAPI document and its Swagger UI are public (no PHI in them) and describe every route; the UI page's
     * content security policy admits exactly its own inline script, by hash. The API itself still wants a token.
     */
    @Test
    void theApiDescribesItselfInOpenApiWithABrowsableUi() throws Exception {
        HttpResponse<String> spec = server.get(null, "/swagger/chartroom-api.yml");
        assertEquals(200, spec.statusCode());
        for (String route : List.of("/api/documents:", "/api/documents/{id}/draft:", "/api/search:", "/api/audit:",
                "/api/users:")) {
            assertTrue(spec.body().contains("\n  " + route), route + " is described");
        }
        assertTrue(spec.body().contains("scheme: bearer"), "the bearer token scheme is described");

        HttpResponse<String> ui = server.get(null, "/swagger-ui/index.html");
        assertEquals(200, ui.statusCode());
        java.util.regex.Matcher inline = java.util.regex.Pattern.compile("<script>(.*?)</script>",
                java.util.regex.Pattern.DOTALL).matcher(ui.body());
        assertTrue(inline.find(), "the page starts from an inline script");
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(inline.group(1).getBytes(StandardCharsets.UTF_8)));
        String policy = ui.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self' 'sha256-" + hash + "'"), policy);
        assertEquals(200, server.get(null, "/swagger-ui/res/swagger-ui-bundle.js").statusCode());
        assertEquals(401, server.get(null, "/api/search?q=x").statusCode());
        assertEquals("default-src 'self'; frame-ancestors 'none'; form-action 'self'",
                server.get(null, "/").headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    private JsonNode search(String query) throws Exception {
        return getJson("/api/search?" + query);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, Long> counts(JsonNode facet) {
        Map<String, Long> m = new java.util.HashMap<>();
        facet.forEach(f -> m.put(f.get("value").asText(), f.get("count").asLong()));
        return m;
    }
}
