package org.chartroom.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.chartroom.core.text.Page;
import org.chartroom.ingest.testing.Scans;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages fed in sideways or upside down, read by the real Tesseract with its orientation model: what is asserted is
 * Tesseract's own behaviour on turned pages (a mocked one would only repeat our assumptions about it). .ci/run
 * installs tesseract-ocr, tesseract-ocr-eng and tesseract-ocr-osd.
 */
class PageReaderTest {
    private static final PageReader READER = new PageReader(OcrSettings.defaults().withThreads(1));
    private static final BufferedImage REPORT = Scans.report();

    @BeforeAll
    static void requireTesseractWithOrientationModel() {
        Assumptions.assumeTrue(Tesseract.version("tesseract").isPresent(),
                "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd)");
        Assumptions.assumeTrue(Tesseract.languages("tesseract").contains(Tesseract.OSD_LANGUAGE),
                "Tesseract's orientation model is not installed (apt-get install tesseract-ocr-osd)");
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void aPageScannedTurnedComesBackReadable(int degrees) throws Exception {
        PageReader.PageReading reading = READER.read(new ScanPage(Scans.turned(REPORT, degrees), 300, 300));
        String text = reading.recognition().text();
        for (String word : new String[] {"HISTORY", "exertion", "metformin", "lisinopril", "angina", "atorvastatin"}) {
            assertTrue(text.contains(word), degrees + "°: '" + word + "' missing from " + text);
        }
        assertTrue(reading.recognition().confidence() > 0.85, "confidence " + reading.recognition().confidence());
    }

    @Test
    void anUpsideDownPageIsTurnedByOrientationDetection() throws Exception {
        PageReader.PageReading reading = READER.read(new ScanPage(Scans.turned(REPORT, 180), 300, 300));
        assertTrue(reading.applied().contains(PreprocessingStep.ORIENTATION), reading.applied().toString());
        assertEquals(180, reading.orientation().orElseThrow().rotate());
    }

    @Test
    void aScanRecognizerTurnsAnUpsideDownPageOfAFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("upside-down.png");
        Files.write(file, Scans.png(Scans.turned(REPORT, 180)));
        try (ScanRecognizer recognizer = new ScanRecognizer(OcrSettings.defaults().withThreads(1))) {
            List<Page> pages = recognizer.recogniseImage(file, PageProgress.NONE);
            assertEquals(1, pages.size());
            assertTrue(pages.get(0).text().contains("atorvastatin"), pages.get(0).text());
        }
    }

    @Test
    void anUprightPageDoesNotPayForOrientationDetection() throws Exception {
        PageReader.PageReading reading = READER.read(new ScanPage(Scans.copy(REPORT), 300, 300));
        assertFalse(reading.orientationChecked());
        assertFalse(reading.applied().contains(PreprocessingStep.ORIENTATION));
        assertTrue(reading.recognition().text().contains("metformin"), reading.recognition().text());
    }

    @Test
    void switchedOffOrientationIsNeitherDetectedNorCorrected() throws Exception {
        EnumSet<PreprocessingStep> others = EnumSet.allOf(PreprocessingStep.class);
        others.remove(PreprocessingStep.ORIENTATION);
        PageReader reader = new PageReader(OcrSettings.defaults().withPreprocessing(others));
        PageReader.PageReading reading = reader.read(new ScanPage(Scans.turned(REPORT, 180), 300, 300));
        assertFalse(reading.orientationChecked());
        assertFalse(reading.recognition().text().contains("metformin"), "Tesseract alone reads it upside down");
    }

    @Test
    void aPageOfNoiseIsNotMadeWorse() throws Exception {
        assertNotWorse(noise(new Random(7)));
    }

    @Test
    void aPageOfLettersAnyWayUpIsNotMadeWorse() throws Exception {
        PageReader.PageReading reading = assertNotWorse(jumble(new Random(7)));
        assertTrue(reading.orientationChecked(), "gibberish reads with low confidence, so orientation is asked");
    }

    /** The page read with orientation correction is at least as trustworthy as without it, and never fails. */
    private static PageReader.PageReading assertNotWorse(BufferedImage page) throws Exception {
        EnumSet<PreprocessingStep> others = EnumSet.allOf(PreprocessingStep.class);
        others.remove(PreprocessingStep.ORIENTATION);
        Recognition without = new PageReader(OcrSettings.defaults().withPreprocessing(others))
                .read(new ScanPage(Scans.copy(page), 300, 300)).recognition();
        PageReader.PageReading reading = READER.read(new ScanPage(Scans.copy(page), 300, 300));
        Recognition with = reading.recognition();
        assertTrue(Orientation.uprightConfidence(with) >= Orientation.uprightConfidence(without),
                with.confidence() + " < " + without.confidence());
        if (!reading.applied().contains(PreprocessingStep.ORIENTATION)) {
            assertEquals(without.text(), with.text());
        }
        return reading;
    }

    /** Grey noise (σ 60 around mid-grey) over the whole page. */
    private static BufferedImage noise(Random random) {
        BufferedImage page = Scans.copy(REPORT);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int v = (int) Math.round(128 + random.nextGaussian() * 60);
                page.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
        return page;
    }

    /** Random letters in short runs, each run turned a random number of quarter turns: text-like, but no text. */
    private static BufferedImage jumble(Random random) {
        BufferedImage page = Scans.copy(REPORT);
        Graphics2D g = Scans.typewriter(page, 46);
        try {
            for (int i = 0; i < 120; i++) {
                StringBuilder run = new StringBuilder();
                for (int n = 2 + random.nextInt(7); n > 0; n--) {
                    run.append((char) ('a' + random.nextInt(26)));
                }
                AffineTransform saved = g.getTransform();
                g.translate(100 + random.nextInt(page.getWidth() - 400), 100 + random.nextInt(page.getHeight() - 200));
                g.rotate(Math.PI / 2 * random.nextInt(4));
                g.drawString(run.toString(), 0, 0);
                g.setTransform(saved);
            }
        } finally {
            g.dispose();
        }
        return page;
    }
}
