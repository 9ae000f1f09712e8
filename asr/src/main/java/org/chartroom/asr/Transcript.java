package org.chartroom.asr;

import java.util.List;

/**
 * What the recogniser heard in one dictation, and the draft made of it.
 *
 * @param draft         the formatted draft: spoken punctuation, layout commands and headings applied, numbers and
 *                      units written, sentences capitalised — what a transcriptionist corrects
 * @param raw           the recogniser's own output, the words joined by spaces, kept beside the draft so that a
 *                      correction or a formatting rule can always be checked against what was heard
 * @param words         the recognised words with timings and confidences, in order (the spoken commands included:
 *                      the player follows the audio, not the draft)
 * @param seconds       the length of the audio
 * @param decodeSeconds the wall-clock time decoding and recognition took
 * @param engine        which engine recognised it ({@code vosk} or {@code pocketsphinx})
 */
public record Transcript(String draft, String raw, List<Word> words, double seconds, double decodeSeconds,
                         String engine) {
    public Transcript {
        words = List.copyOf(words);
    }

    /** The real-time factor: decode time over audio time (below 1 is faster than real time). */
    public double realTimeFactor() {
        return seconds > 0 ? decodeSeconds / seconds : 0;
    }
}
