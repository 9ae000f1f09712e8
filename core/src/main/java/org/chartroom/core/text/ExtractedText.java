package org.chartroom.core.text;

import java.util.List;

/**
 * The text of an original, as the extraction (or OCR, or speech) stage produced it.
 *
 * @param mediaType the media type that was read
 * @param text      the whole text (pages joined by a blank line)
 * @param pages     per-page text; a page-less format gives one page
 */
public record ExtractedText(String mediaType, String text, List<Page> pages) {
    public ExtractedText {
        pages = List.copyOf(pages);
    }
}
