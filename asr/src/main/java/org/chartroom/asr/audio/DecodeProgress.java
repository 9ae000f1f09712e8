package org.chartroom.asr.audio;

/**
 * Told how far decoding of a dictation has got, about once per second of audio, from the thread that reads the
 * audio (so implementations must be thread-safe when shared between dictations).
 */
@FunctionalInterface
public interface DecodeProgress {
    DecodeProgress NONE = (seconds, totalSeconds) -> { };

    /**
     * @param seconds      seconds of audio decoded and handed to the recogniser so far
     * @param totalSeconds the length of the audio as its container declares it; 0 when not known
     */
    void decoded(double seconds, double totalSeconds);
}
