package org.chartroom.core.text;

/**
 * The text of one page of an original.
 *
 * @param n          page number, from 1
 * @param text       the page's text
 * @param ocr        true when the text was recognised from an image rather than read from a text layer
 * @param confidence mean OCR word confidence in [0, 1]; null when {@code ocr} is false
 */
public record Page(int n, String text, boolean ocr, Double confidence) {
}
