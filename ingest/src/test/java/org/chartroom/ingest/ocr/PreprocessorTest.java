package org.chartroom.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.Set;
import org.chartroom.ingest.testing.Scans;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    private static final Preprocessor ALL = new Preprocessor(OcrSettings.defaults());
    private static final BufferedImage REPORT = Scans.report();

    @Test
    void aCleanStraight300DpiPageGoesToTesseractUnchanged() {
        BufferedImage page = Scans.copy(REPORT);
        Preprocessor.Prepared prepared = ALL.prepare(new ScanPage(page, 300, 300));
        assertEquals(Set.of(), prepared.applied());
        assertSame(page, prepared.page().image());
    }

    @Test
    void eachStepRunsOnThePagesThatNeedIt() {
        Set<PreprocessingStep> tilted = ALL.prepare(new ScanPage(Scans.tilted(REPORT, 2), 300, 300)).applied();
        assertTrue(tilted.contains(PreprocessingStep.DESKEW), tilted.toString());
        assertEquals(Set.of(PreprocessingStep.BACKGROUND), ALL.prepare(new ScanPage(
                Scans.showingThrough(REPORT, Scans.page(46, 56, Scans.REPORT), 0.22), 300, 300)).applied());
        Preprocessor.Prepared fax = ALL.prepare(new ScanPage(Scans.atDpi(REPORT, 204, 98), 204, 98));
        assertTrue(fax.applied().contains(PreprocessingStep.RESOLUTION), fax.applied().toString());
        assertEquals(300, fax.page().dpiX());
        assertEquals(300, fax.page().dpiY());
        assertEquals(REPORT.getWidth(), fax.page().image().getWidth(), 2);
        assertEquals(REPORT.getHeight(), fax.page().image().getHeight(), 4);
        Set<PreprocessingStep> lowButSquare = ALL.prepare(new ScanPage(Scans.atDpi(REPORT, 150, 150), 150, 150))
                .applied();
        assertFalse(lowButSquare.contains(PreprocessingStep.RESOLUTION), lowButSquare.toString());
    }

    @Test
    void stepsSwitchedOffDoNotRun() {
        Preprocessor none = new Preprocessor(EnumSet.noneOf(PreprocessingStep.class), 300, Long.MAX_VALUE);
        BufferedImage tilted = Scans.tilted(REPORT, 2);
        Preprocessor.Prepared prepared = none.prepare(new ScanPage(tilted, 204, 98));
        assertEquals(Set.of(), prepared.applied());
        assertSame(tilted, prepared.page().image());
    }

    @Test
    void theTiltMeasuredIsReported() {
        assertEquals(-1.5, ALL.prepare(new ScanPage(Scans.tilted(REPORT, -1.5), 300, 300)).skew(), 0.1);
    }
}
