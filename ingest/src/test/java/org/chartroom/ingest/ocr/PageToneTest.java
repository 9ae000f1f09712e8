package org.chartroom.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PageToneTest {
    /** A white page of 10,000 pixels with runs of grey: {level, pixels, level, pixels, …}. */
    private static BufferedImage page(int... runs) {
        BufferedImage page = GreyImage.white(100, 100);
        int at = 0;
        for (int i = 0; i < runs.length; i += 2) {
            Arrays.fill(GreyImage.pixels(page), at, at + runs[i + 1], (byte) runs[i]);
            at += runs[i + 1];
        }
        return page;
    }

    @Test
    void theInkThresholdSeparatesInkFromPaper() {
        PageTone tone = PageTone.of(page(30, 1000, 60, 500, 230, 7500));
        assertTrue(tone.inkThreshold() >= 60 && tone.inkThreshold() < 230, tone.toString());
        assertEquals(0.15, tone.inkFraction(), 1e-9);
        assertEquals(0, tone.clutter(), 1e-9, "230 is paper here: the most common light level");
    }

    @Test
    void lightGreyBesideThePaperIsClutter() {
        assertEquals(0.5, PageTone.of(page(0, 1000, 200, 500)).clutter(), 1e-9);
    }

    @Test
    void onABlackAndWhitePageOnlyBlackIsInk() {
        BufferedImage page = GreyImage.white(10, 10);
        Arrays.fill(GreyImage.pixels(page), 0, 7, (byte) 0);
        PageTone tone = PageTone.of(page);
        assertEquals(0, tone.inkThreshold());
        assertEquals(0.07, tone.inkFraction(), 1e-9);
    }

    @Test
    void aBlankPageHasNoInk() {
        PageTone tone = PageTone.of(GreyImage.white(10, 10));
        assertEquals(0, tone.inkFraction());
        assertEquals(0, tone.clutter());
    }
}
