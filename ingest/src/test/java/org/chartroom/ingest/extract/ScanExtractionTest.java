package org.chartroom.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.tika.config.TikaConfig;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.core.text.Page;
import org.chartroom.ingest.format.DocumentFormats;
import org.chartroom.ingest.ocr.OcrSettings;
import org.chartroom.ingest.ocr.ScanRecognizer;
import org.chartroom.ingest.ocr.Tesseract;
import org.chartroom.ingest.testing.Scans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCR through the extractor, with the real Tesseract (installed by .ci/run). */
class ScanExtractionTest {
    private static TikaConfig tika;

    @TempDir
    Path dir;
    private ScanRecognizer recognizer;

    @BeforeAll
    static void requireTesseract() {
        Assumptions.assumeTrue(Tesseract.version("tesseract").isPresent(),
                "tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-eng (CI installs it)");
        tika = TikaConfig.getDefaultConfig();
    }

    @AfterEach
    void close() {
        if (recognizer != null) {
            recognizer.close();
        }
    }

    private TikaTextExtractor extractor(OcrSettings settings) {
        recognizer = new ScanRecognizer(settings);
        return new TikaTextExtractor(tika, ExtractSettings.defaults().withTempDirectory(dir.resolve("scratch")),
                recognizer);
    }

    private static ExtractedText extract(TikaTextExtractor extractor, byte[] content, String type) {
        return extractor.extract(new ByteArrayInputStream(content), type);
    }

    @Test
    void aScannedImageBecomesTextWithItsConfidence() {
        byte[] png = Scans.png(Scans.page("CHIEF COMPLAINT: Chest pain for two days.", "PLAN: Aspirin daily."));
        ExtractedText text = extract(extractor(OcrSettings.defaults()), png, DocumentFormats.PNG);
        assertTrue(text.text().contains("CHIEF COMPLAINT: Chest pain for two days."), text.text());
        Page page = text.pages().get(0);
        assertTrue(page.ocr());
        assertTrue(page.confidence() > 0.8 && page.confidence() <= 1, "confidence " + page.confidence());
        assertEquals(DocumentFormats.PNG, text.mediaType());
    }

    @Test
    void aMultiPageTiffGivesOnePagePerImageAndReportsProgress() {
        byte[] tiff = Scans.tiff(Scans.page("HISTORY: Asthma since childhood."), Scans.page("PLAN: Inhaler."),
                Scans.page("FOLLOW-UP: Two weeks."));
        List<Integer> done = new CopyOnWriteArrayList<>();
        ExtractedText text = extractor(OcrSettings.defaults().withThreads(2)).extract(new ByteArrayInputStream(tiff),
                DocumentFormats.TIFF, (pages, total) -> {
                    assertEquals(3, total);
                    done.add(pages);
                });
        assertEquals(List.of(1, 2, 3), text.pages().stream().map(Page::n).toList());
        assertTrue(text.pages().get(1).text().contains("Inhaler"), text.pages().get(1).text());
        assertTrue(text.pages().get(2).text().contains("Two weeks"), text.pages().get(2).text());
        assertTrue(done.containsAll(List.of(0, 1, 2, 3)), done.toString());
    }

    @Test
    void aMixedPdfKeepsItsTextLayerAndRecognisesOnlyTheScannedPage() {
        byte[] pdf = Scans.pdf(new String[] {"DIAGNOSIS: Typed on the first page."},
                Scans.page("MEDICATIONS: Metformin 500 mg twice daily."));
        ExtractedText text = extract(extractor(OcrSettings.defaults()), pdf, DocumentFormats.PDF);
        assertEquals(2, text.pages().size());
        assertEquals(new Page(1, "DIAGNOSIS: Typed on the first page.", false, null), text.pages().get(0));
        Page scanned = text.pages().get(1);
        assertTrue(scanned.ocr());
        assertTrue(scanned.text().contains("Metformin 500 mg twice daily"), scanned.text());
        assertTrue(text.text().contains("DIAGNOSIS") && text.text().contains("Metformin"), text.text());
    }

    @Test
    void aPageTooLargeFailsAloneAndTheOthersAreKept() {
        byte[] tiff = Scans.tiff(Scans.page("PLAN: Rest."), new java.awt.image.BufferedImage(3000, 3000,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY));
        ExtractedText text = extract(extractor(OcrSettings.defaults().withMaxPixels(2_550L * 400)), tiff,
                DocumentFormats.TIFF);
        assertTrue(text.pages().get(0).text().contains("Rest"), text.pages().get(0).text());
        Page failed = text.pages().get(1);
        assertEquals(2, failed.n());
        assertEquals("", failed.text());
        assertNull(failed.confidence());
        assertTrue(failed.failure() != null && failed.failure().contains("pixels"), String.valueOf(failed.failure()));
        assertNull(text.pages().get(0).failure(), "a page that was read has no failure");
    }

    @Test
    void aDocumentFailsWhenEveryPageTimesOut() {
        byte[] png = Scans.png(Scans.page("PLAN: Rest."));
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class, () -> extract(
                extractor(OcrSettings.defaults().withPageTimeout(Duration.ofMillis(1))), png, DocumentFormats.PNG));
        assertTrue(e.getMessage().contains("page timeout") && e.getMessage().contains(OcrSettings.PAGE_TIMEOUT),
                e.getMessage());
    }

    @Test
    void tooManyPagesFailTheDocumentWithTheSetting() {
        byte[] tiff = Scans.tiff(Scans.page("ONE"), Scans.page("TWO"));
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                () -> extract(extractor(OcrSettings.defaults().withMaxPages(1)), tiff, DocumentFormats.TIFF));
        assertTrue(e.getMessage().contains("2 pages") && e.getMessage().contains(OcrSettings.MAX_PAGES),
                e.getMessage());
    }

    @Test
    void corruptAndBombImagesAreUnprocessable() {
        TikaTextExtractor extractor = extractor(OcrSettings.defaults());
        byte[] cut = java.util.Arrays.copyOf(Scans.png(Scans.page("PLAN: Rest.")), 60);
        assertThrows(UnprocessableContentException.class, () -> extract(extractor, cut, DocumentFormats.PNG));
        UnprocessableContentException bomb = assertThrows(UnprocessableContentException.class,
                () -> extract(extractor, Scans.pngHeader(100_000, 100_000), DocumentFormats.PNG));
        assertTrue(bomb.getMessage().contains(OcrSettings.MAX_PIXELS), bomb.getMessage());
    }

    /** Every word of the report, in order, once: nothing lost and nothing added (show-through adds junk). */
    private static void assertReadsTheReport(String recognised) {
        List<String> expected = List.of(String.join(" ", Scans.REPORT).split("\\s+"));
        List<String> words = List.of(recognised.strip().split("\\s+"));
        long found = expected.stream().filter(words::contains).count();
        assertTrue(found >= expected.size() - 3, found + " of " + expected.size() + " words read: " + recognised);
        assertTrue(words.size() <= expected.size() + 3, words.size() + " words read for " + expected.size() + ": "
                + recognised);
    }

    @Test
    void aTiltedScanIsStraightenedAndRead() {
        byte[] png = Scans.png(Scans.tilted(Scans.report(), 2.5));
        ExtractedText text = extract(extractor(OcrSettings.defaults()), png, DocumentFormats.PNG);
        assertReadsTheReport(text.text());
    }

    @Test
    void theBackPageShowingThroughIsNotRead() {
        byte[] png = Scans.png(Scans.showingThrough(Scans.report(), Scans.page(46, 56, Scans.REPORT), 0.25));
        ExtractedText text = extract(extractor(OcrSettings.defaults()), png, DocumentFormats.PNG);
        assertReadsTheReport(text.text());
    }

    @Test
    void aThousandPageScannedPdfFailsWithTheLimitAndNothingIsRendered() {
        byte[] pdf = Scans.pdf(new String[0], 1000, Scans.page("PLAN: Rest."));
        List<Integer> done = new CopyOnWriteArrayList<>();
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                () -> extractor(OcrSettings.defaults()).extract(new ByteArrayInputStream(pdf), DocumentFormats.PDF,
                        (pages, total) -> done.add(pages)));
        assertTrue(e.getMessage().contains("1000 pages") && e.getMessage().contains(OcrSettings.MAX_PAGES),
                e.getMessage());
        assertEquals(List.of(), done, "no page was recognised");
    }

    @Test
    void aThousandPagePdfWithATextLayerNeedsNoOcr() {
        String[] typed = new String[1000];
        java.util.Arrays.setAll(typed, i -> "Page " + (i + 1) + " of the typed report.");
        ExtractedText text = extract(extractor(OcrSettings.defaults().withMaxPages(1)), Scans.pdf(typed),
                DocumentFormats.PDF);
        assertEquals(1000, text.pages().size());
        assertEquals("Page 1000 of the typed report.", text.pages().get(999).text());
        assertTrue(text.pages().stream().noneMatch(Page::ocr));
    }

    @Test
    void withoutTesseractImagesAreNotSupportedAndPdfsStillRead() {
        TikaTextExtractor extractor = extractor(OcrSettings.defaults().withCommand("no-such-tesseract"));
        assertFalse(extractor.supports(DocumentFormats.PNG));
        assertFalse(extractor.recognisesScans());
        ExtractedText text = extract(extractor, Scans.pdf(new String[0], Scans.page("PLAN: Rest.")),
                DocumentFormats.PDF);
        assertEquals("", text.pages().get(0).text());
        assertNull(text.pages().get(0).confidence());
    }
}
