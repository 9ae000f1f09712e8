package org.chartroom.ingest.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * Page images as preprocessing and Tesseract want them: 8-bit grey, one byte per pixel, row after row, with no
 * padding, so a step can work on the pixel array directly.
 */
final class GreyImage {
    private GreyImage() {
    }

    /** The image in compact 8-bit grey scale: the image itself when it already is. */
    static BufferedImage of(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && isCompact(image)) {
            return image;
        }
        BufferedImage grey = white(image.getWidth(), image.getHeight());
        Graphics2D g = grey.createGraphics();
        try {
            // Transparent areas (PNG, GIF) are paper: white, not black.
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return grey;
    }

    /** A white page. */
    static BufferedImage white(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Arrays.fill(pixels(image), (byte) 0xff);
        return image;
    }

    /**
     * The pixel array of a compact grey image (see {@link #of}), shared with it: writes change the image.
     *
     * @throws IllegalArgumentException when the image is not compact grey
     */
    static byte[] pixels(BufferedImage grey) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY || !isCompact(grey)) {
            throw new IllegalArgumentException("pages are processed in compact 8-bit grey scale");
        }
        return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    }

    private static boolean isCompact(BufferedImage image) {
        return image.getRaster().getDataBuffer() instanceof DataBufferByte bytes && bytes.getNumBanks() == 1
                && bytes.getOffset() == 0 && image.getRaster().getParent() == null
                && bytes.getData().length == image.getWidth() * image.getHeight();
    }
}
