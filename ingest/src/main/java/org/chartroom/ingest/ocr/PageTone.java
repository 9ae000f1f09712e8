package org.chartroom.ingest.ocr;

import java.awt.image.BufferedImage;

/**
 * The grey levels of a page, from one pass over its histogram: where ink ends and paper begins (Otsu's threshold,
 * the global threshold Tesseract's own layout analysis uses by default, so what is ink here is ink there), how much of
 * the page is ink, and how much light-grey clutter there is beside it.
 *
 * <p>Otsu's method is a few lines over a 256-bin histogram; an imaging library for it would be heavier than the code.
 *
 * @param inkThreshold grey levels at or below it are ink (0 for a 1-bit page: only black is ink)
 * @param paper        the paper's grey level: the most common level lighter than ink
 * @param inkFraction  the share of pixels that are ink
 * @param clutter      light-grey pixels (lighter than ink, clearly darker than the paper) per ink pixel: sharp type
 *                     on clean paper has only the anti-aliased edges of its glyphs (about 0.2), show-through, speckle
 *                     and grey paper add more
 */
public record PageTone(int inkThreshold, int paper, double inkFraction, double clutter) {
    /** Grey levels this far below the paper's are clutter, not paper grain. */
    static final int PAPER_GRAIN = 16;

    public static PageTone of(BufferedImage grey) {
        long[] histogram = histogram(grey);
        long total = 0;
        for (long count : histogram) {
            total += count;
        }
        int threshold = otsu(histogram, total);
        int paper = threshold + 1;
        for (int level = threshold + 1; level < 256; level++) {
            if (histogram[level] > histogram[paper]) {
                paper = level;
            }
        }
        long ink = 0;
        long light = 0;
        for (int level = 0; level < 256; level++) {
            if (level <= threshold) {
                ink += histogram[level];
            } else if (level <= paper - PAPER_GRAIN) {
                light += histogram[level];
            }
        }
        return new PageTone(threshold, paper, total == 0 ? 0 : (double) ink / total,
                ink == 0 ? 0 : (double) light / ink);
    }

    private static long[] histogram(BufferedImage grey) {
        long[] histogram = new long[256];
        for (byte pixel : GreyImage.pixels(grey)) {
            histogram[pixel & 0xff]++;
        }
        return histogram;
    }

    /** Whether a grey level is clearly darker than the paper: ink or clutter, not paper grain. */
    boolean darkerThanPaper(int level) {
        return level <= paper - PAPER_GRAIN;
    }

    /** The level that maximises the between-class variance of ink (at or below it) and paper (above it). */
    static int otsu(long[] histogram, long total) {
        double sum = 0;
        for (int level = 0; level < 256; level++) {
            sum += (double) level * histogram[level];
        }
        long below = 0;
        double sumBelow = 0;
        double best = -1;
        int threshold = 0;
        for (int level = 0; level < 255; level++) {
            below += histogram[level];
            sumBelow += (double) level * histogram[level];
            long above = total - below;
            if (below == 0) {
                continue;
            }
            if (above == 0) {
                break;
            }
            double meanBelow = sumBelow / below;
            double meanAbove = (sum - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = level;
            }
        }
        return threshold;
    }
}
