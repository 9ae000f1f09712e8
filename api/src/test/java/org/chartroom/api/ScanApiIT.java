package org.chartroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.chartroom.api.support.ServerProcess;
import org.chartroom.ingest.ocr.Tesseract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Scans through the real server: a scanned PDF and a multi-page TIFF become searchable text with page confidences. */
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

    private JsonNode uploadAndSettle(String name, byte[] content) throws Exception {
        HttpResponse<String> r = server.upload(META, name, content);
        assertEquals(202, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode doc = JSON.readTree(server.get("/api/documents/" + id).body());
        while (!Set.of("draft", "failed").contains(doc.get("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
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
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                float height = scan.getHeight() * 72f / 300;
                content.drawImage(LosslessFactory.createFromImage(pdf, scan), 0, 792 - height, 612, height);
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
