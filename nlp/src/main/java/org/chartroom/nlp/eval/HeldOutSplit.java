package org.chartroom.nlp.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The deterministic split of a corpus into folds used by every learned component's evaluation: a note's fold is
 * the first four bytes of the SHA-256 of its text (UTF-8), as an unsigned number, modulo the number of folds. The
 * fold depends on the text alone, so every copy of a note (MTSamples files many reports under several specialties)
 * lands in the same fold and no held-out note is ever seen in training; and it does not depend on row order.
 */
public record HeldOutSplit(int folds) {
    /** The number of folds every evaluation here uses. */
    public static final int STANDARD_FOLDS = 5;

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

    /**
     * The distinct non-blank notes of an MTSamples-style CSV ({@code transcription} column) outside {@code fold}
     * (all of them when {@code fold} is -1), in order of first appearance: what a model that {@code fold} measures
     * is trained on.
     *
     * @throws org.chartroom.core.error.ConfigurationException when the file is missing or unreadable
     */
    public List<String> distinctNotes(Path reportsCsv, int fold) {
        Set<String> notes = new LinkedHashSet<>();
        for (SectionEvaluation.Report report : SectionEvaluation.readReports(reportsCsv)) {
            if (!report.text().isBlank() && (fold < 0 || !isHeldOut(report.text(), fold))) {
                notes.add(report.text());
            }
        }
        return List.copyOf(notes);
    }

    /** Whether a note is held out when {@code fold} is the test fold. */
    public boolean isHeldOut(String text, int fold) {
        return foldOf(text) == fold;
    }
}
