package org.chartroom.ingest.ocr;

import java.awt.image.BufferedImage;

/**
 * Background cleaning: everything that is not ink or right beside ink becomes white paper. It removes what a scan
 * adds between the lines: the mirrored back page showing through thin paper, speckle, JPEG ringing, grey paper.
 *
 * <p>Why: Tesseract finds lines on its own binarised copy of the page but recognises them with its LSTM on the grey
 * image, so clutter its layout analysis ignored still reaches the recogniser, which reads the back page's strokes as
 * punctuation (measured with {@code chartroom bench ocr --pages 12}: CER 5.4% on pages with 22% show-through, 0.24%
 * after cleaning). Hard binarisation would do the same but throws away the grey edges of the glyphs the LSTM reads
 * best; here only pixels further than a few pixels (a third of a typical stroke gap) from ink are touched.
 *
 * <p>Ink is what {@link PageTone#inkThreshold()} says, less isolated dark pixels: at 300 dpi a dark pixel needs 3
 * dark neighbours. Speckle is not ink and must not keep its noisy surroundings (noise variant, 12 pages: CER 0.42% as
 * is, 0.58% when every dark pixel counted as ink, 0.25% with 3 neighbours). At lower resolutions strokes are thinner
 * and fewer neighbours are required (in a run with cleaning forced on 150 dpi pages, 3 neighbours cut into their 1–2
 * pixel strokes: 100 errors against 86 as is; 2 neighbours: 86).
 *
 * <p>Two gates keep clean pages fast and unchanged: the histogram's {@link PageTone#clutter()} (no pass over the
 * pixels when it is low), then the clutter found away from ink ({@link #FAR_CLUTTER}).
 */
final class Background {
    /**
     * Pages whose {@link PageTone#clutter()} is above this are looked at more closely; sharp type on white paper
     * measures 0.2 and is left alone after the histogram.
     */
    static final double CLUTTER = 0.3;
    /**
     * Pixels clearly darker than the paper but away from ink, per ink pixel, above which the page is cleaned.
     * Measured on the bench corpus: 0 for blurred, tilted, low-resolution and fax pages (their clutter is glyph
     * edges; whitening their paper grain cost a character or two in 12 pages), 0.04–0.05 for JPEG artefacts
     * (cleaning them made no difference), 0.11–2.2 for show-through, 2–15 for speckle noise.
     */
    static final double FAR_CLUTTER = 0.075;
    /** Of the 8 neighbours of a dark pixel, how many must be dark for it to count as ink, at 300 dpi. */
    static final int INK_NEIGHBOURS_AT_300_DPI = 3;
    /** How far from ink (at 300 dpi) pixels are kept as they are: the anti-aliased and blurred glyph edges. */
    private static final int REACH_AT_300_DPI = 3;

    private Background() {
    }

    /** Whether the page has clutter to clean: a clean page is left alone without a pass over its pixels. */
    static boolean needsCleaning(PageTone tone) {
        // A page mostly dark is not dark type on light paper (a photo, inverted text): leave it to Tesseract.
        return tone.clutter() > CLUTTER && tone.inkFraction() < 0.5;
    }

    /**
     * Whitens, in place, every pixel further than the reach from ink, when enough of them are clearly darker than
     * the paper ({@link #FAR_CLUTTER} per ink pixel); otherwise leaves the page as it is.
     *
     * @param dpi the page's resolution (0 when unknown: 300 is assumed)
     * @return whether the page was changed
     */
    static boolean clean(BufferedImage grey, PageTone tone, int dpi) {
        int inkThreshold = tone.inkThreshold();
        int width = grey.getWidth();
        int height = grey.getHeight();
        byte[] pixels = GreyImage.pixels(grey);
        float scale = (dpi > 0 ? dpi : 300) / 300f;
        int reach = Math.max(1, Math.round(REACH_AT_300_DPI * scale));
        int neighbours = Math.max(1, Math.min(INK_NEIGHBOURS_AT_300_DPI,
                Math.round(INK_NEIGHBOURS_AT_300_DPI * scale)));
        byte[] ink = ink(pixels, width, height, inkThreshold, neighbours);
        // Near ink = within the reach horizontally and vertically (a square): two passes with running counts.
        byte[] nearInRow = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int count = 0;
            for (int x = 0; x < Math.min(reach, width); x++) {
                count += ink[row + x];
            }
            for (int x = 0; x < width; x++) {
                if (x + reach < width) {
                    count += ink[row + x + reach];
                }
                if (x - reach - 1 >= 0) {
                    count -= ink[row + x - reach - 1];
                }
                nearInRow[row + x] = (byte) (count > 0 ? 1 : 0);
            }
        }
        int[] counts = new int[width];
        for (int y = 0; y < Math.min(reach, height); y++) {
            for (int x = 0; x < width; x++) {
                counts[x] += nearInRow[y * width + x];
            }
        }
        // The ink map is no longer needed: it becomes the near-ink map.
        byte[] near = ink;
        long inkPixels = 0;
        long farClutter = 0;
        for (int y = 0; y < height; y++) {
            if (y + reach < height) {
                int added = (y + reach) * width;
                for (int x = 0; x < width; x++) {
                    counts[x] += nearInRow[added + x];
                }
            }
            if (y - reach - 1 >= 0) {
                int removed = (y - reach - 1) * width;
                for (int x = 0; x < width; x++) {
                    counts[x] -= nearInRow[removed + x];
                }
            }
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int level = pixels[row + x] & 0xff;
                if (level <= inkThreshold) {
                    inkPixels++;
                }
                near[row + x] = (byte) (counts[x] > 0 ? 1 : 0);
                if (counts[x] == 0 && tone.darkerThanPaper(level)) {
                    farClutter++;
                }
            }
        }
        if (inkPixels == 0 || (double) farClutter / inkPixels < FAR_CLUTTER) {
            return false;
        }
        for (int i = 0; i < pixels.length; i++) {
            if (near[i] == 0) {
                pixels[i] = (byte) 0xff;
            }
        }
        return true;
    }

    /** 1 where a pixel is ink: dark, with enough dark neighbours. The border row and column are never ink. */
    private static byte[] ink(byte[] pixels, int width, int height, int threshold, int neighbours) {
        byte[] ink = new byte[pixels.length];
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                if ((pixels[i] & 0xff) > threshold) {
                    continue;
                }
                int dark = -1;  // the pixel itself is counted below
                for (int dy = -width; dy <= width; dy += width) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((pixels[i + dy + dx] & 0xff) <= threshold) {
                            dark++;
                        }
                    }
                }
                if (dark >= neighbours) {
                    ink[i] = 1;
                }
            }
        }
        return ink;
    }
}
