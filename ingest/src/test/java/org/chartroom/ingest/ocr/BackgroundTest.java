package org.chartroom.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
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
        assertFalse(Background.clean(page, PageTone.of(page), 300));
        assertArrayEquals(GreyImage.pixels(FRONT), GreyImage.pixels(page));
    }

    @Test
    void theBackPageShowingThroughIsWhitenedAndTheInkKept() {
        assertCleaned(Scans.showingThrough(FRONT, BACK, 0.22), 0);
    }

    @Test
    void speckleIsNotInkAndIsWhitened() {
        BufferedImage page = Scans.copy(FRONT);
        Random random = new Random(7);
        byte[] pixels = GreyImage.pixels(page);
        for (int i = 0; i < pixels.length; i++) {
            if (random.nextDouble() < 0.06) {
                int speck = random.nextDouble() < 0.1 ? 0 : 120 + random.nextInt(100);
                pixels[i] = (byte) Math.min(pixels[i] & 0xff, speck);
            }
        }
        // Of about 100,000 specks only chance clusters of dark ones (ink-like) keep their surroundings.
        assertCleaned(page, 50);
    }

    @Test
    void aFewSpecksAreNotWorthCleaning() {
        BufferedImage page = Scans.copy(FRONT);
        page.getRaster().setSample(2400, page.getHeight() - 30, 0, 0);
        byte[] before = GreyImage.pixels(page).clone();
        assertFalse(Background.clean(page, PageTone.of(page), 300));
        assertArrayEquals(before, GreyImage.pixels(page));
    }

    /**
     * The page is found to need cleaning and is cleaned: the front page's ink is still there, and at most
     * {@code allowed} pixels darker than paper are left away from it.
     */
    private static void assertCleaned(BufferedImage cleaned, int allowed) {
        PageTone tone = PageTone.of(cleaned);
        assertTrue(Background.needsCleaning(tone), tone.toString());
        assertTrue(Background.clean(cleaned, tone, 300));
        byte[] front = GreyImage.pixels(FRONT);
        byte[] pixels = GreyImage.pixels(cleaned);
        int width = FRONT.getWidth();
        int left = 0;
        for (int i = 0; i < front.length; i++) {
            int original = front[i] & 0xff;
            if (original < 100) {
                // Front ink stays ink (show-through and specks can only darken it).
                assertTrue((pixels[i] & 0xff) <= original, "ink at " + i % width + "," + i / width);
            } else if (original == 255 && farFromInk(front, width, i, 6) && (pixels[i] & 0xff) != 255) {
                left++;
            }
        }
        assertTrue(left <= allowed, left + " pixels left darker than paper away from the front's ink");
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
