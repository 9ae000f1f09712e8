package org.chartroom.core.text;

import java.util.List;

/**
 * The text of an original, as the extraction (or OCR, or speech) stage produced it.
 *
 * @param mediaType     the media type that was read
 * @param text          the whole text (pages joined by a blank line)
 * @param pages         per-page text; a page-less format gives one page
 * @param transcription for a dictation, what the recogniser heard (words with timings, raw output) — {@code text}
 *                      is the draft formatted from it; null for every other original
 */
public record ExtractedText(String mediaType, String text, List<Page> pages, Transcription transcription) {
    public ExtractedText {
        pages = List.copyOf(pages);
    }

    /** Text read or recognised from a document (not a dictation). */
    public ExtractedText(String mediaType, String text, List<Page> pages) {
        this(mediaType, text, pages, null);
    }
}
