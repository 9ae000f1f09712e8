package org.chartroom.ingest.ocr;

/**
 * What Tesseract read on one page.
 *
 * @param text       the words, lines separated by {@code \n} and paragraphs by a blank line
 * @param confidence the mean word confidence in [0, 1]; 0 when no word was found
 * @param words      how many words were found
 * @param vertical   the share of words of three or more characters whose box is taller than wide, in [0, 1]: text
 *                   that runs up or down the image (near 0 on an upright or upside-down page, near 1 on a page
 *                   turned sideways, which Tesseract may read, as vertical text, without saying so)
 */
public record Recognition(String text, double confidence, int words, double vertical) {
}
