package org.chartroom.core.text;

/**
 * One recognised word of a dictation with its place in the audio, as a transcriptionist's player needs it.
 *
 * @param word          the word as the recogniser spelled it (lower case, no punctuation)
 * @param start         where it starts, in seconds from the start of the audio
 * @param end           where it ends, in seconds
 * @param confidence    the recogniser's confidence in [0, 1] (a posterior probability)
 * @param lowConfidence true when the confidence is below the configured threshold: the draft marks it for review
 */
public record SpokenWord(String word, double start, double end, double confidence, boolean lowConfidence) {
    public SpokenWord {
        if (word == null || word.isBlank()) {
            throw new IllegalArgumentException("a word needs its text");
        }
        if (end < start) {
            throw new IllegalArgumentException("a word cannot end before it starts");
        }
    }

    /** The same word, marked as low confidence when its confidence is below {@code threshold}. */
    public SpokenWord markedBelow(double threshold) {
        return new SpokenWord(word, start, end, confidence, confidence < threshold);
    }
}
