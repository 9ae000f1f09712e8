package org.chartroom.ingest.ocr;

import java.awt.image.BufferedImage;

/**
 * Pages fed into the scanner sideways or upside down: when a page's first reading looks wrong, and only then,
 * Tesseract's orientation detection is asked how to turn it ({@link PageReader}). This class holds the decisions and
 * the turn itself.
 *
 * <p>Why only after a reading that looks wrong: orientation detection costs about 0.4 s of CPU on a 300 dpi page
 * (half a recognition), and nearly every page arrives upright. A reading looks wrong in one of two ways, both read
 * off Tesseract's own output:
 * <ul>
 *   <li><b>Low confidence.</b> An upside-down page (or one turned 90° counter-clockwise, which Tesseract reads as
 *       upside down) gives words of mirrored-looking letters ("aunsebrq") with a mean word confidence of about 0.4;
 *       upright pages, even poor faxes, read above 0.8.</li>
 *   <li><b>Vertical words.</b> A page turned 90° clockwise is read as vertical text, confidently, but Tesseract
 *       may drop whole blocks of it (four of ten lines on a test page); its word boxes are then taller than wide,
 *       which an upright page's words of three letters or more almost never are.</li>
 * </ul>
 */
final class Orientation {
    /** Below this mean word confidence a reading looks wrong. */
    static final double SUSPICIOUS_CONFIDENCE = 0.6;

    /** Above this share of vertical words ({@link Recognition#vertical()}) a reading looks sideways. */
    static final double SUSPICIOUS_VERTICAL = 0.5;

    /**
     * Tesseract's orientation confidence from which a turn is tried: typed test pages measure 14–30, a page of noise
     * under 2. A wrong turn costs only time: the turned page's reading is kept only when it is more confident.
     */
    static final double MIN_ORIENTATION_CONFIDENCE = 2.0;

    private Orientation() {
    }

    /** Whether a reading looks like a page read the wrong way round: low confidence, or words set vertically. */
    static boolean looksWrong(Recognition reading) {
        return reading.words() > 0
                && (reading.confidence() < SUSPICIOUS_CONFIDENCE || reading.vertical() > SUSPICIOUS_VERTICAL);
    }

    /**
     * How far a reading can be trusted as an upright one: its mean word confidence, discounted by its share of
     * vertical words (Tesseract may drop whole blocks of text it reads as vertical, so a confident sideways reading
     * is not a complete one).
     */
    static double uprightConfidence(Recognition reading) {
        return reading.confidence() * (1 - reading.vertical());
    }

    /** Whether the detected orientation is a turn, and sure enough to try. */
    static boolean worthTurning(PageOrientation orientation) {
        return orientation.rotate() != 0 && orientation.confidence() >= MIN_ORIENTATION_CONFIDENCE;
    }

    /** The page turned clockwise by {@code degrees} (90, 180 or 270), pixel for pixel; the resolutions follow. */
    static ScanPage turn(ScanPage page, int degrees) {
        BufferedImage grey = GreyImage.of(page.image());
        int width = grey.getWidth();
        int height = grey.getHeight();
        byte[] in = GreyImage.pixels(grey);
        int quarter = Math.floorMod(degrees, 360) / 90;
        if (degrees % 90 != 0) {
            throw new IllegalArgumentException("a page turns by quarter turns, not " + degrees + "°");
        }
        boolean sideways = quarter % 2 == 1;
        BufferedImage turned = new BufferedImage(sideways ? height : width, sideways ? width : height,
                BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = GreyImage.pixels(turned);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int target = switch (quarter) {
                    // Clockwise on screen (y down): (x, y) goes to (height - 1 - y, x) in a page height wide.
                    case 1 -> x * height + (height - 1 - y);
                    case 2 -> (height - 1 - y) * width + (width - 1 - x);
                    case 3 -> (width - 1 - x) * height + y;
                    default -> row + x;
                };
                out[target] = in[row + x];
            }
        }
        return sideways ? new ScanPage(turned, page.dpiY(), page.dpiX()) : new ScanPage(turned, page.dpiX(),
                page.dpiY());
    }
}
