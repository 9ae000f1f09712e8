package org.chartroom.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.chartroom.ingest.testing.Scans;
import org.junit.jupiter.api.Test;

class BackgroundTest {
    private static final BufferedImage FRONT = Scans.report();
    private static final BufferedImage BACK = Scans.page(46, 56, "DISCHARGE SUMMARY: Admitted with community-acquired",
            "pneumonia, treated with ceftriaxone and azithromycin, discharged on day four",
            "in good condition on oral amoxicillin for five more days, then review.",
            "MEDICATIONS ON DISCHARGE: Amoxicillin 500 mg three times daily. Paracetamol",
            "one gram up to four times daily as needed for fever or pain.",
            "FOLLOW-UP: Chest X-ray in six weeks to confirm that the consolidation has",
            "resolved. The family doctor will be sent a copy of this summary today.",
            "Return at once if breathing becomes difficult or the fever comes back.",
            "Dictated by the ward physician and reviewed before signature.",
            "End of summary.");

    @Test
    void aCleanPageIsNotCleaned() {
        PageTone tone = PageTone.of(FRONT);
        assertTrue(tone.clutter() < Background.CLUTTER, tone.toString());
        assertFalse(Background.needsCleaning(tone));
    }

    @Test
    void cleaningAPageWithoutClutterChangesNothing() {
        BufferedImage page = Scans.copy(FRONT);
        Background.clean(page, PageTone.of(page).inkThreshold(), 300);
        assertArrayEquals(GreyImage.pixels(FRONT), GreyImage.pixels(page));
    }

    @Test
    void theBackPageShowingThroughIsWhitenedAndTheInkKept() {
        BufferedImage page = Scans.showingThrough(FRONT, BACK, 0.22);
        PageTone tone = PageTone.of(page);
        assertTrue(Background.needsCleaning(tone), tone.toString());
        Background.clean(page, tone.inkThreshold(), 300);
        byte[] front = GreyImage.pixels(FRONT);
        byte[] cleaned = GreyImage.pixels(page);
        int width = FRONT.getWidth();
        int showThroughLeft = 0;
        for (int i = 0; i < front.length; i++) {
            int original = front[i] & 0xff;
            if (original < 100) {
                // Front ink stays ink (show-through can only darken it).
                assertTrue((cleaned[i] & 0xff) <= original, "ink at " + i % width + "," + i / width);
            } else if (original == 255 && farFromInk(front, width, i, 6) && (cleaned[i] & 0xff) != 255) {
                showThroughLeft++;
            }
        }
        assertEquals(0, showThroughLeft, "back-page pixels left away from the front's ink");
    }

    @Test
    void isolatedSpecksAreNotInk() {
        BufferedImage page = Scans.copy(FRONT);
        int x = 2400;
        int y = page.getHeight() - 30;
        page.getRaster().setSample(x, y, 0, 0);
        page.getRaster().setSample(x + 1, y, 0, 0);
        page.getRaster().setSample(x + 20, y + 5, 0, 180);
        Background.clean(page, PageTone.of(page).inkThreshold(), 300);
        assertEquals(255, page.getRaster().getSample(x, y, 0));
        assertEquals(255, page.getRaster().getSample(x + 1, y, 0));
        assertEquals(255, page.getRaster().getSample(x + 20, y + 5, 0));
    }

    private static boolean farFromInk(byte[] pixels, int width, int i, int distance) {
        int x0 = i % width;
        int y0 = i / width;
        int height = pixels.length / width;
        for (int y = Math.max(0, y0 - distance); y <= Math.min(height - 1, y0 + distance); y++) {
            for (int x = Math.max(0, x0 - distance); x <= Math.min(width - 1, x0 + distance); x++) {
                if ((pixels[y * width + x] & 0xff) < 255) {
                    return false;
                }
            }
        }
        return true;
    }
}
