package org.chartroom.ingest.ocr;

/**
 * What Tesseract read on one page.
 *
 * @param text       the words, lines separated by {@code \n} and paragraphs by a blank line
 * @param confidence the mean word confidence in [0, 1]; 0 when no word was found
 * @param words      how many words were found
 */
public record Recognition(String text, double confidence, int words) {
}
