package org.chartroom.nlp.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.eval.SectionEvaluation.Report;
import org.chartroom.nlp.section.HeaderVocabulary;
import org.chartroom.nlp.section.Sectionizer;
import org.chartroom.nlp.section.SpokenHeadingModel;
import org.chartroom.nlp.section.SpokenHeadingTrainer;

/**
 * How well the spoken-heading model does on notes it was not trained on: for each fold of the
 * {@link HeldOutSplit} a model is trained on the distinct notes of the other folds, and the speech-like variant of
 * the section evaluation is scored on the held-out fold's reports against the header gold. The held-out scores are
 * pooled over the folds. The built-in model is trained on every development note, so its development score
 * ({@code chartroom eval sections}) is a training score; this is the estimate for unseen notes.
 *
 * <p>Costs one training per fold (about half a minute each on 2 cores). Not thread-safe per instance.
 */
public final class SectionCrossValidation {
    /** Thresholds tried besides the model's own, to show how flat the held-out F1 is around it. */
    static final double[] OTHER_THRESHOLDS = {0.25, 0.3, 0.4, 0.45, 0.5};

    /**
     * The outcome: pooled held-out speech-like scores at the trainer's threshold, each fold's, and the pooled scores
     * at {@link #OTHER_THRESHOLDS}.
     */
    public record Result(int folds, HeaderScores heldOut, List<HeaderScores> perFold,
                         Map<Double, HeaderScores> byThreshold) {
        public Result {
            perFold = List.copyOf(perFold);
            byThreshold = Collections.unmodifiableMap(new TreeMap<>(byThreshold));
        }

        public String summary() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "speech-like, %d-fold held-out (model trained without the fold's notes):%n  pooled: %s%n",
                    folds, heldOut));
            for (int f = 0; f < perFold.size(); f++) {
                s.append(String.format(Locale.ROOT, "  fold %d: F1=%.4f (gold %d)%n", f, perFold.get(f).f1(),
                        perFold.get(f).gold()));
            }
            byThreshold.forEach((threshold, scores) -> s.append(String.format(Locale.ROOT,
                    "  threshold %.2f: P=%.4f R=%.4f F1=%.4f%n", threshold, scores.precision(), scores.recall(),
                    scores.f1())));
            return s.toString();
        }
    }

    private final HeaderVocabulary vocabulary;

    public SectionCrossValidation(HeaderVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * Runs the cross-validation on the shared folder's reports and gold.
     *
     * @param progress told about each fold (counts only)
     * @throws ConfigurationException when a file is missing or unreadable
     */
    public Result run(Path sharedFolder, int folds, Consumer<String> progress) {
        List<Report> reports = SectionEvaluation.readReports(sharedFolder.resolve(SectionEvaluation.REPORTS));
        SectionGold gold = readGold(sharedFolder);
        HeldOutSplit split = new HeldOutSplit(folds);
        HeaderScores pooled = new HeaderScores(0, 0, 0, 0);
        List<HeaderScores> perFold = new ArrayList<>();
        Map<Double, HeaderScores> byThreshold = new HashMap<>();
        for (int fold = 0; fold < folds; fold++) {
            Map<Double, HeaderScores> scores = fold(reports, gold, split, fold, OTHER_THRESHOLDS, progress);
            HeaderScores atModelThreshold = scores.get(SpokenHeadingTrainer.THRESHOLD);
            perFold.add(atModelThreshold);
            pooled = pooled.plus(atModelThreshold);
            scores.forEach((threshold, s) -> byThreshold.merge(threshold, s, HeaderScores::plus));
        }
        return new Result(folds, pooled, perFold, byThreshold);
    }

    /**
     * Trains without one fold and scores that fold only (a cheaper check of the same thing: one training).
     *
     * @throws ConfigurationException when a file is missing or unreadable
     */
    public HeaderScores runFold(Path sharedFolder, int folds, int fold, Consumer<String> progress) {
        List<Report> reports = SectionEvaluation.readReports(sharedFolder.resolve(SectionEvaluation.REPORTS));
        return fold(reports, readGold(sharedFolder), new HeldOutSplit(folds), fold, new double[0], progress)
                .get(SpokenHeadingTrainer.THRESHOLD);
    }

    /** The held-out speech-like scores of one fold at the trainer's threshold and at {@code otherThresholds}. */
    private Map<Double, HeaderScores> fold(List<Report> reports, SectionGold gold, HeldOutSplit split, int fold,
                                           double[] otherThresholds, Consumer<String> progress) {
        Set<String> training = new LinkedHashSet<>();
        List<Report> heldOut = new ArrayList<>();
        for (Report report : reports) {
            if (split.isHeldOut(report.text(), fold)) {
                heldOut.add(report);
            } else if (!report.text().isBlank()) {
                training.add(report.text());
            }
        }
        progress.accept("fold " + fold + ": training on " + training.size() + " distinct notes");
        SpokenHeadingModel model = new SpokenHeadingTrainer(vocabulary).train(List.copyOf(training),
                "cross-validation fold " + fold, message -> progress.accept("fold " + fold + ": " + message));
        Map<Double, HeaderScores> scores = new HashMap<>();
        scores.put(SpokenHeadingTrainer.THRESHOLD, speechLike(model, heldOut, gold));
        for (double threshold : otherThresholds) {
            scores.put(threshold, speechLike(model.withThreshold(threshold), heldOut, gold));
        }
        progress.accept(String.format(Locale.ROOT, "fold %d: held-out speech-like F1 %.4f", fold,
                scores.get(SpokenHeadingTrainer.THRESHOLD).f1()));
        return scores;
    }

    private HeaderScores speechLike(SpokenHeadingModel model, List<Report> reports, SectionGold gold) {
        return new SectionEvaluation(new Sectionizer(vocabulary, model)).evaluate(reports, gold, mismatch -> { })
                .speechLike();
    }

    private static SectionGold readGold(Path sharedFolder) {
        Path goldFile = sharedFolder.resolve(SectionEvaluation.GOLD);
        try {
            return SectionGold.read(goldFile);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the section header gold " + goldFile + ": "
                    + e.getMessage(), e);
        }
    }
}
