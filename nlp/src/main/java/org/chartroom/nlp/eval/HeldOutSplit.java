package org.chartroom.nlp.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The deterministic split of a corpus into folds used by every learned component's evaluation: a note's fold is
 * the first four bytes of the SHA-256 of its text (UTF-8), as an unsigned number, modulo the number of folds. The
 * fold depends on the text alone, so every copy of a note (MTSamples files many reports under several specialties)
 * lands in the same fold and no held-out note is ever seen in training; and it does not depend on row order.
 */
public record HeldOutSplit(int folds) {
    public HeldOutSplit {
        if (folds < 2) {
            throw new IllegalArgumentException("a split needs at least 2 folds, not " + folds);
        }
    }

    /** The fold of a note, in {@code [0, folds)}. */
    public int foldOf(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long value = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8)
                    | (hash[3] & 0xFFL);
            return (int) (value % folds);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Whether a note is held out when {@code fold} is the test fold. */
    public boolean isHeldOut(String text, int fold) {
        return foldOf(text) == fold;
    }
}
