package org.chartroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.chartroom.api.support.ServerProcess;
import org.chartroom.ingest.ocr.Tesseract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans through the real server: a scanned PDF and a multi-page TIFF become searchable text with page confidences,
 * progress shows while pages are recognised, a failed page is reported beside the kept ones, and bad input (bombs,
 * encrypted, empty or 1,000-page PDFs) gets a 422 or a failed document with its reason, without stopping the worker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ServerProcess server;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(Tesseract.version("tesseract").isPresent(),
                "tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-eng (CI installs it)");
        server = new ServerProcess(work.resolve("data"), work.resolve("server.log"), Map.of()).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static final String META = "{\"patientMrn\":\"MRN-OCR1\",\"patientName\":\"Test Patient\","
            + "\"type\":\"consultation\",\"author\":\"Dr. Scan\",\"serviceDate\":\"2025-05-01\"}";

    @Test
    void aScannedPdfBecomesSearchableTextWithPageConfidence() throws Exception {
        JsonNode doc = uploadAndSettle("referral.pdf", scannedPdf(page("CHIEF COMPLAINT: Palpitations quokkaline.",
                "PLAN: Holter monitor for two days.")));
        assertEquals("draft", doc.get("state").asText(), doc.toString());
        assertTrue(doc.get("text").asText().contains("Palpitations quokkaline"), doc.get("text").asText());
        JsonNode page = doc.get("pages").get(0);
        assertTrue(page.get("ocr").asBoolean());
        assertTrue(page.get("confidence").asDouble() > 0.8, page.toString());
        assertSearchable("quokkaline");
    }

    @Test
    void aMultiPageTiffGivesOneRecognisedPageEach() throws Exception {
        JsonNode doc = uploadAndSettle("fax.tif", tiff(page("HISTORY: Asthma wombatrix since childhood."),
                page("PLAN: Inhaler as needed.")));
        assertEquals("draft", doc.get("state").asText(), doc.toString());
        assertEquals("image/tiff", doc.get("original").get("mediaType").asText());
        assertEquals(2, doc.get("pages").size());
        for (JsonNode page : doc.get("pages")) {
            assertTrue(page.get("ocr").asBoolean() && page.get("confidence").asDouble() > 0.8, page.toString());
        }
        assertSearchable("wombatrix");
    }

    @Test
    void aDecompressionBombIsRefusedAtUpload() throws Exception {
        BufferedImage tiny = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        byte[] png = png(tiny);
        // IHDR width and height live at bytes 16..23; 60,000 × 60,000 pixels, with a corrected CRC.
        java.nio.ByteBuffer.wrap(png).putInt(16, 60_000).putInt(20, 60_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        java.nio.ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());
        HttpResponse<String> r = server.upload(META, "bomb.png", png);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("CHARTROOM_OCR_MAX_PIXELS"), r.body());
    }

    @Test
    void theStatusShowsPagesRecognisedWhileAScanIsProcessed() throws Exception {
        BufferedImage[] pages = new BufferedImage[6];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = page("PAGE " + (i + 1) + ": Follow-up notes.", "PLAN: Continue treatment.");
        }
        progressSeen.clear();
        JsonNode doc = uploadAndSettle("six.tif", tiff(pages));
        assertEquals("draft", doc.get("state").asText(), doc.toString());
        assertEquals(6, doc.get("pages").size());
        assertFalse(progressSeen.isEmpty(), "the status showed pages recognised while the scan was processed");
        for (JsonNode progress : progressSeen) {
            assertEquals("pages", progress.get("unit").asText(), progress.toString());
            assertEquals(6, progress.get("total").asInt(), progress.toString());
            assertTrue(progress.get("done").asInt() <= 6, progress.toString());
        }
    }

    @Test
    void aFailedPageIsReportedAndTheOthersAreKept() throws Exception {
        JsonNode doc = uploadAndSettle("two.pdf", scannedPdf(true, page("PLAN: Colonoscopy platypody in a year."),
                page("This page declares an image too large to decode.")));
        assertEquals("draft", doc.get("state").asText(), doc.toString());
        JsonNode kept = doc.get("pages").get(0);
        assertTrue(kept.get("ocr").asBoolean() && kept.get("confidence").asDouble() > 0.8, kept.toString());
        JsonNode failed = doc.get("pages").get(1);
        assertTrue(failed.get("ocr").asBoolean(), failed.toString());
        assertTrue(failed.path("confidence").isMissingNode() || failed.get("confidence").isNull(), failed.toString());
        assertEquals(0, failed.get("characters").asInt(), failed.toString());
        assertSearchable("platypody");
    }

    @Test
    void aThousandPageScanFailsWithAReasonAndTheNextUploadIsProcessed() throws Exception {
        JsonNode doc = uploadAndSettle("archive.pdf", repeatedScanPdf(page("PLAN: Rest."), 1000));
        assertEquals("failed", doc.get("state").asText(), doc.toString());
        String reason = doc.get("failureReason").asText();
        assertTrue(reason.contains("1000 pages") && reason.contains("CHARTROOM_OCR_MAX_PAGES"), reason);
        JsonNode next = uploadAndSettle("next.pdf", scannedPdf(false, page("HISTORY: Gout echidnoid flare.")));
        assertEquals("draft", next.get("state").asText(), next.toString());
        assertSearchable("echidnoid");
    }

    @Test
    void encryptedAndEmptyPdfsAreRefusedAtUpload() throws Exception {
        byte[] encrypted;
        try (PDDocument pdf = Loader.loadPDF(scannedPdf(false, page("PLAN: Rest.")));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
            pdf.save(out);
            encrypted = out.toByteArray();
        }
        HttpResponse<String> r = server.upload(META, "locked.pdf", encrypted);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("password"), r.body());
        byte[] empty;
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.save(out);
            empty = out.toByteArray();
        }
        r = server.upload(META, "empty.pdf", empty);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("no pages"), r.body());
    }

    /** Progress objects seen while polling in {@link #uploadAndSettle}. */
    private final List<JsonNode> progressSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    private JsonNode uploadAndSettle(String name, byte[] content) throws Exception {
        HttpResponse<String> r = server.upload(META, name, content);
        assertEquals(202, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonNode doc = JSON.readTree(server.get("/api/documents/" + id).body());
        while (!Set.of("draft", "failed").contains(doc.get("state").asText()) && System.nanoTime() < deadline) {
            JsonNode progress = doc.get("progress");
            if (progress != null && !progress.isNull()) {
                progressSeen.add(progress);
            }
            Thread.sleep(50);
            doc = JSON.readTree(server.get("/api/documents/" + id).body());
        }
        return doc;
    }

    private void assertSearchable(String word) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode result = JSON.readTree(server.get("/api/search?q=" + word).body());
        while (result.get("total").asLong() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            result = JSON.readTree(server.get("/api/search?q=" + word).body());
        }
        assertEquals(1, result.get("total").asLong(), result.toString());
    }

    /** Text drawn at 300 dpi in 12-point type (a third of a letter page, to keep the test quick). */
    private static BufferedImage page(String... lines) {
        BufferedImage image = new BufferedImage(2550, 1100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 50));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 300, 300 + 80 * i);
        }
        g.dispose();
        return image;
    }

    private static byte[] scannedPdf(BufferedImage scan) throws Exception {
        return scannedPdf(false, scan);
    }

    /**
     * A PDF of image-only pages. With {@code lastTooLarge}, the last page's image declares 30,000 × 30,000 pixels
     * (its data is small): a decompression bomb that must fail that page, not the document.
     */
    private static byte[] scannedPdf(boolean lastTooLarge, BufferedImage... scans) throws Exception {
        return imagePdf(1, lastTooLarge, scans);
    }

    /** A PDF of {@code pages} pages all showing the same scan (one image object: a small file). */
    private static byte[] repeatedScanPdf(BufferedImage scan, int pages) throws Exception {
        return imagePdf(pages, false, scan);
    }

    private static byte[] imagePdf(int copies, boolean lastTooLarge, BufferedImage... scans) throws Exception {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < scans.length; i++) {
                PDImageXObject image = LosslessFactory.createFromImage(pdf, scans[i]);
                if (lastTooLarge && i == scans.length - 1) {
                    image.getCOSObject().setInt(COSName.WIDTH, 30_000);
                    image.getCOSObject().setInt(COSName.HEIGHT, 30_000);
                }
                float height = scans[i].getHeight() * 72f / 300;
                for (int copy = 0; copy < copies; copy++) {
                    PDPage page = new PDPage(PDRectangle.LETTER);
                    pdf.addPage(page);
                    try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                        content.drawImage(image, 0, 792 - height, 612, height);
                    }
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] tiff(BufferedImage... pages) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
