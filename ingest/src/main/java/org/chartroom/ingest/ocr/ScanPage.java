package org.chartroom.ingest.ocr;

import java.awt.image.BufferedImage;

/**
 * One page image, ready for recognition.
 *
 * @param image grey scale ({@link BufferedImage#TYPE_BYTE_GRAY})
 * @param dpiX  horizontal resolution in dots per inch; 0 when the file does not say
 * @param dpiY  vertical resolution; 0 when the file does not say
 */
public record ScanPage(BufferedImage image, int dpiX, int dpiY) {
    public boolean resolutionKnown() {
        return dpiX > 0 && dpiY > 0;
    }
}
