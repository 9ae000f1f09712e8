package org.chartroom.asr;

import java.util.List;
import org.chartroom.core.text.SpokenWord;
import org.chartroom.core.text.Transcription;

/**
 * What the recogniser heard in one dictation, and the draft made of it.
 *
 * @param draft         the formatted draft: spoken punctuation, layout commands and headings applied, numbers and
 *                      units written, sentences capitalised — what a transcriptionist corrects
 * @param heard         the recogniser's raw output with the words' timings and confidences (the core record that
 *                      travels with the draft into the stored version)
 * @param decodeSeconds the wall-clock time decoding and recognition took
 */
public record Transcript(String draft, Transcription heard, double decodeSeconds) {

    /** The recogniser's own output, the words joined by spaces. */
    public String raw() {
        return heard.raw();
    }

    /** The recognised words with timings and confidences, in order. */
    public List<SpokenWord> words() {
        return heard.words();
    }

    /** The length of the audio in seconds. */
    public double seconds() {
        return heard.seconds();
    }

    /** Which engine recognised it ({@code vosk} or {@code pocketsphinx}). */
    public String engine() {
        return heard.engine();
    }

    /** The real-time factor: decode time over audio time (below 1 is faster than real time). */
    public double realTimeFactor() {
        return seconds() > 0 ? decodeSeconds / seconds() : 0;
    }
}
