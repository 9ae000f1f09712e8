package org.chartroom.core.text;

/**
 * The text of one page of an original.
 *
 * @param n          page number, from 1
 * @param text       the page's text
 * @param ocr        true when the text was recognised from an image rather than read from a text layer
 * @param confidence mean OCR word confidence in [0, 1]; null when {@code ocr} is false or recognition failed
 * @param failure    why the page could not be read (no PHI: e.g. "Tesseract did not finish in 120 s"); null when it
 *                   was read. A failed page keeps its place with empty text, the others are kept.
 */
public record Page(int n, String text, boolean ocr, Double confidence, String failure) {
    /** A page that was read. */
    public Page(int n, String text, boolean ocr, Double confidence) {
        this(n, text, ocr, confidence, null);
    }

    /** An OCR page that could not be read, and why. */
    public static Page failed(int n, String reason) {
        return new Page(n, "", true, null, reason);
    }
}
