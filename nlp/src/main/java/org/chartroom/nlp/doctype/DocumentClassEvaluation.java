package org.chartroom.nlp.doctype;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.chartroom.nlp.doctype.DocumentClassLabels.Axis;
import org.chartroom.nlp.eval.HeldOutSplit;

/**
 * Measures the document classifier on a held-out split of a labelled corpus: the notes whose {@link HeldOutSplit}
 * fold (of 5) is {@value #TEST_FOLD} are the test set, the classifier is trained on the others. Every
 * copy of a note is in the same fold, so no test note was seen in training.
 *
 * <p>A note can carry several labels of an axis (MTSamples files a report under Neurosurgery and Orthopedic); a
 * suggestion is correct when it is one of them. For per-class precision/recall, a note's gold label is the
 * suggestion when correct, otherwise its label most frequent in training. Macro-F1 averages over the labels seen in
 * the gold or the suggestions. The majority baseline always suggests the most frequent training label.
 */
public final class DocumentClassEvaluation {
    public static final int FOLDS = HeldOutSplit.STANDARD_FOLDS;
    public static final int TEST_FOLD = 0;
    private static final int CONFUSIONS_SHOWN = 8;

    /** Precision, recall and F1 of one label. */
    public record ClassScores(String label, int support, double precision, double recall, double f1) {
    }

    /** How often a gold label was taken for another. */
    public record Confusion(String gold, String suggested, int count) {
    }

    /** The scores of one axis. */
    public record AxisResult(Axis axis, int notes, double accuracy, double macroF1, String majorityLabel,
                             double majorityAccuracy, double majorityMacroF1, List<ClassScores> perClass,
                             List<Confusion> confusions) {
        public AxisResult {
            perClass = List.copyOf(perClass);
            confusions = List.copyOf(confusions);
        }
    }

    /** The outcome for both axes. */
    public record Result(int trainingNotes, int testNotes, AxisResult type, AxisResult specialty) {
        public String summary() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "doctype: trained on %d notes, tested on %d held-out notes (fold %d of %d by text hash)%n",
                    trainingNotes, testNotes, TEST_FOLD, FOLDS));
            for (AxisResult a : List.of(type, specialty)) {
                s.append(String.format(Locale.ROOT, "%s (%d test notes, %d labels):%n  accuracy   %.4f   macro-F1 %.4f"
                                + "%n  majority   %.4f   macro-F1 %.4f   (always '%s')%n",
                        a.axis().name().toLowerCase(Locale.ROOT), a.notes(), a.perClass().size(), a.accuracy(),
                        a.macroF1(), a.majorityAccuracy(), a.majorityMacroF1(), a.majorityLabel()));
                s.append(String.format(Locale.ROOT, "  %-32s %7s %9s %7s %7s%n", "label", "support", "precision",
                        "recall", "F1"));
                for (ClassScores c : a.perClass()) {
                    s.append(String.format(Locale.ROOT, "  %-32s %7d %9.3f %7.3f %7.3f%n", c.label(), c.support(),
                            c.precision(), c.recall(), c.f1()));
                }
                s.append("  most frequent confusions (gold -> suggested):");
                if (a.confusions().isEmpty()) {
                    s.append(" none");
                }
                s.append(System.lineSeparator());
                for (Confusion c : a.confusions()) {
                    s.append(String.format(Locale.ROOT, "    %s -> %s: %d%n", c.gold(), c.suggested(), c.count()));
                }
            }
            return s.toString();
        }
    }

    /** Trains on the notes outside the test fold and scores the test fold. */
    public Result run(List<LabelledNote> notes, Consumer<String> progress) {
        HeldOutSplit split = new HeldOutSplit(FOLDS);
        List<LabelledNote> training = new ArrayList<>();
        List<LabelledNote> test = new ArrayList<>();
        for (LabelledNote note : notes) {
            (split.isHeldOut(note.text(), TEST_FOLD) ? test : training).add(note);
        }
        DocumentClassifier classifier = new DocumentClassTrainer().train(training,
                training.size() + " training notes", progress);
        progress.accept("doctype: scoring " + test.size() + " held-out notes");
        List<String[]> words = test.stream().map(n -> DocumentClassifier.words(n.text())).toList();
        return new Result(training.size(), test.size(), score(Axis.TYPE, classifier, training, test, words),
                score(Axis.SPECIALTY, classifier, training, test, words));
    }

    private static AxisResult score(Axis axis, DocumentClassifier classifier, List<LabelledNote> training,
                                    List<LabelledNote> test, List<String[]> words) {
        Map<String, Integer> frequency = new HashMap<>();
        for (LabelledNote note : training) {
            note.labels(axis).forEach(l -> frequency.merge(l, 1, Integer::sum));
        }
        Comparator<String> byFrequency = Comparator.comparing((String l) -> frequency.getOrDefault(l, 0))
                .reversed().thenComparing(Comparator.naturalOrder());
        String majority = frequency.keySet().stream().min(byFrequency).orElse("");
        List<String[]> suggested = new ArrayList<>();
        List<String[]> baseline = new ArrayList<>();
        for (int n = 0; n < test.size(); n++) {
            Set<String> gold = test.get(n).labels(axis);
            if (gold.isEmpty()) {
                continue;
            }
            String guess = classifier.best(axis, words.get(n));
            suggested.add(new String[] {goldFor(gold, guess, byFrequency), guess});
            baseline.add(new String[] {goldFor(gold, majority, byFrequency), majority});
        }
        Tally model = new Tally(suggested);
        Tally majorityTally = new Tally(baseline);
        return new AxisResult(axis, suggested.size(), model.accuracy(), model.macroF1(), majority,
                majorityTally.accuracy(), majorityTally.macroF1(), model.perClass(), model.confusions());
    }

    /** The gold label a suggestion is scored against: itself when it is one of the note's labels. */
    private static String goldFor(Set<String> gold, String suggestion, Comparator<String> byFrequency) {
        return gold.contains(suggestion) ? suggestion : gold.stream().min(byFrequency).orElseThrow();
    }

    /** Counts over (gold, suggested) pairs. */
    private static final class Tally {
        private final List<String[]> pairs;
        private final Set<String> labels = new TreeSet<>();
        private final Map<String, int[]> counts = new HashMap<>();

        Tally(List<String[]> pairs) {
            this.pairs = pairs;
            for (String[] p : pairs) {
                labels.add(p[0]);
                labels.add(p[1]);
                // counts: [true positives, predicted, gold]
                counts.computeIfAbsent(p[0], k -> new int[3])[2]++;
                counts.computeIfAbsent(p[1], k -> new int[3])[1]++;
                if (p[0].equals(p[1])) {
                    counts.get(p[0])[0]++;
                }
            }
        }

        double accuracy() {
            long right = pairs.stream().filter(p -> p[0].equals(p[1])).count();
            return pairs.isEmpty() ? 0 : (double) right / pairs.size();
        }

        List<ClassScores> perClass() {
            List<ClassScores> out = new ArrayList<>();
            for (String label : labels) {
                int[] c = counts.get(label);
                double precision = c[1] == 0 ? 0 : (double) c[0] / c[1];
                double recall = c[2] == 0 ? 0 : (double) c[0] / c[2];
                double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                out.add(new ClassScores(label, c[2], precision, recall, f1));
            }
            out.sort(Comparator.comparingInt(ClassScores::support).reversed().thenComparing(ClassScores::label));
            return out;
        }

        double macroF1() {
            return perClass().stream().mapToDouble(ClassScores::f1).average().orElse(0);
        }

        List<Confusion> confusions() {
            Map<String, Integer> byPair = new HashMap<>();
            for (String[] p : pairs) {
                if (!p[0].equals(p[1])) {
                    byPair.merge(p[0] + "\t" + p[1], 1, Integer::sum);
                }
            }
            return byPair.entrySet().stream()
                    .map(e -> new Confusion(e.getKey().split("\t")[0], e.getKey().split("\t")[1], e.getValue()))
                    .sorted(Comparator.comparingInt(Confusion::count).reversed().thenComparing(Confusion::gold)
                            .thenComparing(Confusion::suggested))
                    .limit(CONFUSIONS_SHOWN)
                    .toList();
        }
    }
}
