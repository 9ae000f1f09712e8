package org.chartroom.nlp.eval;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.eval.SectionEvaluation.Report;
import org.chartroom.nlp.sentence.SentenceSplitter;
import org.chartroom.nlp.sentence.SpokenSentenceModel;
import org.chartroom.nlp.sentence.SpokenSentenceTrainer.Gaps;

/**
 * Measures the {@link SpokenSentenceModel} on development notes it was not trained on (its held-out fold of the
 * {@link HeldOutSplit}, 5 folds): each distinct note is turned speech-like, and the model's sentence ends are
 * compared gap by gap with those the typed note has (as {@link SentenceSplitter#written()} finds them).
 */
public final class SentenceBoundaryEvaluation {
    public static final int FOLDS = HeldOutSplit.STANDARD_FOLDS;

    /** Boundary counts over all gaps between words of the held-out notes. */
    public record Result(int notes, int gaps, int goldEnds, int predictedEnds, int matched) {
        public double precision() {
            return predictedEnds == 0 ? 0 : (double) matched / predictedEnds;
        }

        public double recall() {
            return goldEnds == 0 ? 0 : (double) matched / goldEnds;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public String summary() {
            return String.format(Locale.ROOT, "spoken sentence ends, %d held-out notes (%d word gaps, %d typed sentence"
                            + " ends):%n  precision  %.4f%n  recall     %.4f%n  F1         %.4f%n", notes, gaps,
                    goldEnds, precision(), recall(), f1());
        }
    }

    /**
     * Scores {@code model} on its held-out fold of the shared development reports.
     *
     * @throws ConfigurationException when the model was trained on every note (no fold to score it on)
     */
    public Result run(Path sharedFolder, SpokenSentenceModel model) {
        if (model.heldOutFold() < 0) {
            throw new ConfigurationException("this spoken-sentence model was trained on every note, so no notes are"
                    + " left to score it on; train one with chartroom train spoken-sentences --exclude-fold 0");
        }
        HeldOutSplit split = new HeldOutSplit(FOLDS);
        Set<String> notes = new LinkedHashSet<>();
        for (Report report : SectionEvaluation.readReports(sharedFolder.resolve(SectionEvaluation.REPORTS))) {
            if (!report.text().isBlank() && split.isHeldOut(report.text(), model.heldOutFold())) {
                notes.add(report.text());
            }
        }
        SentenceSplitter typed = SentenceSplitter.written();
        int gaps = 0;
        int gold = 0;
        int predicted = 0;
        int matched = 0;
        for (String note : notes) {
            Gaps truth = Gaps.of(note, typed);
            BitSet guessed = model.ends(truth.words());
            int inner = Math.max(0, truth.words().length - 1);
            // The end after the last word is given, not decided: count inner gaps only.
            BitSet g = truth.ends().get(0, inner);
            BitSet p = guessed.get(0, inner);
            gaps += inner;
            gold += g.cardinality();
            predicted += p.cardinality();
            p.and(g);
            matched += p.cardinality();
        }
        return new Result(notes.size(), gaps, gold, predicted, matched);
    }
}
