package org.chartroom.core.text;

import java.util.List;

/**
 * What a speech recogniser heard in a dictation, kept beside the formatted draft made of it so that a correction or
 * a formatting rule can always be checked against the audio.
 *
 * @param engine  which engine recognised it ({@code vosk} or {@code pocketsphinx})
 * @param raw     the recogniser's own output: the words joined by spaces, unformatted
 * @param words   the recognised words with timings and confidences, in order (spoken commands such as "period"
 *                included: a player follows the audio, not the draft)
 * @param seconds the length of the audio
 */
public record Transcription(String engine, String raw, List<SpokenWord> words, double seconds) {
    public Transcription {
        words = List.copyOf(words);
    }
}
