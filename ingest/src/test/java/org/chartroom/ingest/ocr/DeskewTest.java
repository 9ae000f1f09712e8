package org.chartroom.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.chartroom.ingest.testing.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeskewTest {
    private static final BufferedImage REPORT = Scans.report();

    private static Deskew.Skew measure(BufferedImage page) {
        return Deskew.measure(page, PageTone.of(page).inkThreshold(), 300);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-6.5, -3, -1.2, -0.4, 0.5, 1.7, 2.9, 5})
    void measuresHowFarTheLinesAreTilted(double degrees) {
        Deskew.Skew skew = measure(Scans.tilted(REPORT, degrees));
        assertEquals(degrees, skew.degrees(), 0.1, "measured " + skew);
        assertTrue(skew.worthStraightening(), skew.toString());
    }

    @Test
    void aStraightPageIsLeftAlone() {
        Deskew.Skew skew = measure(REPORT);
        assertEquals(0, skew.degrees(), 0.05, skew.toString());
        assertFalse(skew.worthStraightening(), skew.toString());
    }

    @Test
    void aSlightTiltIsNotWorthResampling() {
        Deskew.Skew skew = measure(Scans.tilted(REPORT, 0.15));
        assertEquals(0.15, skew.degrees(), 0.06, skew.toString());
        assertFalse(skew.worthStraightening(), skew.toString());
    }

    @Test
    void aBlankPageHasNoTilt() {
        BufferedImage blank = GreyImage.white(2550, 3300);
        assertEquals(Deskew.Skew.NONE, measure(blank));
    }

    @Test
    void straighteningLevelsTheLinesOnALargerWhiteCanvas() {
        BufferedImage tilted = Scans.tilted(REPORT, 2.5);
        BufferedImage straight = Deskew.straighten(tilted, measure(tilted).degrees(), Long.MAX_VALUE);
        assertEquals(0, measure(straight).degrees(), 0.1);
        assertTrue(straight.getWidth() > tilted.getWidth() && straight.getHeight() > tilted.getHeight());
        assertEquals(255, straight.getRaster().getSample(0, 0, 0), "the corners grown are paper");
        assertEquals(255, straight.getRaster().getSample(straight.getWidth() - 1, straight.getHeight() - 1, 0));
    }

    @Test
    void aPageThatWouldGrowBeyondThePixelLimitKeepsItsSize() {
        BufferedImage tilted = Scans.tilted(REPORT, 2.5);
        long limit = (long) tilted.getWidth() * tilted.getHeight();
        BufferedImage straight = Deskew.straighten(tilted, 2.5, limit);
        assertEquals(tilted.getWidth(), straight.getWidth());
        assertEquals(tilted.getHeight(), straight.getHeight());
    }
}
