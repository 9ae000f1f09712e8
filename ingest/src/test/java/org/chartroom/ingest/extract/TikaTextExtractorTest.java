package org.chartroom.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.tika.config.TikaConfig;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.error.UnsupportedMediaTypeException;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.core.text.Page;
import org.chartroom.ingest.format.DocumentFormats;
import org.chartroom.ingest.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TikaTextExtractorTest {
    private static TikaConfig tika;

    @TempDir
    Path dir;
    private Path scratch;
    private TikaTextExtractor extractor;

    @BeforeAll
    static void loadTika() {
        tika = TikaConfig.getDefaultConfig();
    }

    @BeforeEach
    void create() {
        scratch = dir.resolve("scratch");
        extractor = new TikaTextExtractor(tika, ExtractSettings.defaults().withTempDirectory(scratch));
    }

    private ExtractedText extract(byte[] content, String mediaType) {
        return extractor.extract(new ByteArrayInputStream(content), mediaType);
    }

    private static void assertSinglePage(ExtractedText text) {
        assertEquals(List.of(new Page(1, text.text(), false, null)), text.pages());
    }

    @Test
    void plainText() {
        ExtractedText text = extract(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        assertEquals(DocumentFormats.PLAIN_TEXT, text.mediaType());
        assertEquals(Fixtures.NOTE, text.text());
        assertSinglePage(text);
    }

    @Test
    void plainTextKeepsAccentsAndNormalisesLineEndings() {
        ExtractedText text = extract(Fixtures.text("Fièvre: 38,5 °C\r\nPLAN: repos\r\n"), "text/plain; charset=UTF-8");
        assertEquals("Fièvre: 38,5 °C\nPLAN: repos", text.text());
    }

    @Test
    void pdfTextIsKeptPerPage() {
        ExtractedText text = extract(Fixtures.pdf("CHIEF COMPLAINT: cough.\nHISTORY: three days.", "PLAN: rest."),
                DocumentFormats.PDF);
        assertEquals(DocumentFormats.PDF, text.mediaType());
        assertEquals(List.of(new Page(1, "CHIEF COMPLAINT: cough.\nHISTORY: three days.", false, null),
                new Page(2, "PLAN: rest.", false, null)), text.pages());
        assertEquals("CHIEF COMPLAINT: cough.\nHISTORY: three days.\n\nPLAN: rest.", text.text());
    }

    @Test
    void aScannedPdfGivesEmptyPagesBecauseOcrIsOff() throws IOException {
        ExtractedText text = extract(imageOnlyPdf(), DocumentFormats.PDF);
        assertEquals(List.of(new Page(1, "", false, null)), text.pages());
        assertEquals("", text.text());
    }

    @Test
    void docx() {
        ExtractedText text = extract(Fixtures.docx("HISTORY: asthma.", "PLAN: inhaler."), DocumentFormats.DOCX);
        assertEquals("HISTORY: asthma.\nPLAN: inhaler.", text.text());
        assertSinglePage(text);
    }

    @Test
    void odt() {
        ExtractedText text = extract(Fixtures.odt("ASSESSMENT: stable.", "PLAN: home."), DocumentFormats.ODT);
        assertEquals("ASSESSMENT: stable.\nPLAN: home.", text.text());
        assertSinglePage(text);
    }

    @Test
    void rtf() {
        ExtractedText text = extract(Fixtures.rtf(), DocumentFormats.RTF);
        assertEquals("HISTORY: asthma since childhood.\nPLAN: inhaler as needed.", text.text());
        assertSinglePage(text);
    }

    @Test
    void htmlGivesTheBodyTextWithoutTheTitle() {
        ExtractedText text = extract(Fixtures.html(), DocumentFormats.HTML);
        assertEquals("Progress note\nASSESSMENT: viral bronchitis.\nPLAN: fluids and rest.", text.text());
        assertSinglePage(text);
        assertEquals("ASSESSMENT: stable angina.", extract(Fixtures.xhtml(), DocumentFormats.XHTML).text());
    }

    @Test
    void aWordContainerWithNothingReadableGivesNoText() {
        // POI cannot write real .doc files; this OLE2 container with an empty WordDocument stream is what we can make.
        // The pipeline records a document without text as FAILED.
        assertEquals("", extract(Fixtures.oleWordContainer(), DocumentFormats.DOC).text());
    }

    @Test
    void corruptContentIsUnprocessableAndTheMessageQuotesNoContent() {
        byte[] junk = Fixtures.text("%PDF-1.7\nPatient Jane Roe has a secret\n");
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                () -> extract(junk, DocumentFormats.PDF));
        assertEquals("the document (application/pdf) could not be read: the file is corrupt or damaged",
                e.getMessage());
        assertEquals(null, e.getCause(), "causes may quote content, so none is attached");

        assertThrows(UnprocessableContentException.class, () -> extract(Fixtures.text("not a zip"),
                DocumentFormats.DOCX));
        assertThrows(UnprocessableContentException.class, () -> extract(Fixtures.text("PK\u0003\u0004 broken"),
                DocumentFormats.ODT));
    }

    @Test
    void textOverTheLimitIsUnprocessable() {
        TikaTextExtractor small = new TikaTextExtractor(tika, ExtractSettings.defaults().withMaxChars(100)
                .withTempDirectory(scratch));
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class, () -> small.extract(
                new ByteArrayInputStream(Fixtures.text("word ".repeat(1000))), DocumentFormats.PLAIN_TEXT));
        assertEquals("the document's text is longer than the limit of 100 characters (set chartroom.extract.max-chars)",
                e.getMessage());
        assertThrows(UnprocessableContentException.class, () -> small.extract(new ByteArrayInputStream(
                Fixtures.pdf("x".repeat(60), "y".repeat(60))), DocumentFormats.PDF));
        assertEquals(90, small.extract(new ByteArrayInputStream(Fixtures.text("z".repeat(90))),
                DocumentFormats.PLAIN_TEXT).text().length(), "text within the limit is fine");
    }

    @Test
    void typesItDoesNotReadAreUnsupported() {
        assertTrue(extractor.supports("TEXT/HTML"));
        assertTrue(extractor.supports("text/plain; charset=ISO-8859-1"));
        assertFalse(extractor.supports("image/png"));
        assertFalse(extractor.supports("application/xml"));
        UnsupportedMediaTypeException e = assertThrows(UnsupportedMediaTypeException.class,
                () -> extract(Fixtures.png(), "image/png"));
        assertTrue(e.getMessage().startsWith("content is image/png, not a supported document type"), e.getMessage());
    }

    @Test
    void theCallerOwnsTheStream() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(Fixtures.pdf("x")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        extractor.extract(in, DocumentFormats.PDF);
        assertFalse(closed[0]);
    }

    @Test
    void aFailureToReadTheOriginalIsNotBlamedOnTheContent() {
        InputStream failing = new InputStream() {
            private int left = 100;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return 'a';
                }
                throw new IOException("disk error");
            }
        };
        assertThrows(UncheckedIOException.class, () -> extractor.extract(failing, DocumentFormats.PLAIN_TEXT));
    }

    @Test
    void spooledCopiesStayInTheConfiguredDirectoryAndAreRemoved() throws IOException {
        extract(Fixtures.pdf("one", "two"), DocumentFormats.PDF);
        extract(Fixtures.docx("one"), DocumentFormats.DOCX);
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void extractingAFileDetectsItsTypeFromTheBytes() throws IOException {
        Path docx = Files.write(dir.resolve("letter.txt"), Fixtures.docx("Dear colleague,"));
        ExtractedText text = extractor.extract(docx);
        assertEquals(DocumentFormats.DOCX, text.mediaType());
        assertEquals("Dear colleague,", text.text());

        Path pdf = Files.write(dir.resolve("report"), Fixtures.pdf("one", "two"));
        assertEquals(2, extractor.extract(pdf).pages().size());

        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        assertThrows(InvalidInputException.class, () -> extractor.extract(empty));
        Path png = Files.write(dir.resolve("scan.pdf"), Fixtures.png());
        assertThrows(UnsupportedMediaTypeException.class, () -> extractor.extract(png));
    }

    @Test
    void oneExtractorServesManyThreads() throws Exception {
        byte[] pdf = Fixtures.pdf("PAGE ONE: alpha.", "PAGE TWO: beta.");
        byte[] docx = Fixtures.docx("HISTORY: gamma.");
        ExtractedText expectedPdf = extract(pdf, DocumentFormats.PDF);
        ExtractedText expectedDocx = extract(docx, DocumentFormats.DOCX);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                boolean usePdf = i % 2 == 0;
                results.add(threads.submit(() -> usePdf
                        ? expectedPdf.equals(extract(pdf, DocumentFormats.PDF))
                        : expectedDocx.equals(extract(docx, DocumentFormats.DOCX))));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static byte[] imageOnlyPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, scan), 72, 600);
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
