package org.chartroom.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PageToneTest {
    @Test
    void theInkThresholdSeparatesInkFromPaper() {
        BufferedImage page = GreyImage.white(100, 100);
        byte[] pixels = GreyImage.pixels(page);
        Arrays.fill(pixels, 0, 1000, (byte) 30);
        Arrays.fill(pixels, 1000, 1500, (byte) 60);
        Arrays.fill(pixels, 1500, 9000, (byte) 230);
        PageTone tone = PageTone.of(page);
        assertTrue(tone.inkThreshold() >= 60 && tone.inkThreshold() < 230, tone.toString());
        assertEquals(0.15, tone.inkFraction(), 1e-9);
        assertEquals(0, tone.clutter(), 1e-9, "230 is paper here: the most common light level");
    }

    @Test
    void lightGreyBesideThePaperIsClutter() {
        BufferedImage page = GreyImage.white(100, 100);
        byte[] pixels = GreyImage.pixels(page);
        Arrays.fill(pixels, 0, 1000, (byte) 0);
        Arrays.fill(pixels, 1000, 1500, (byte) 200);
        assertEquals(0.5, PageTone.of(page).clutter(), 1e-9);
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
