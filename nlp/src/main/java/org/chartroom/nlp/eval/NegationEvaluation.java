package org.chartroom.nlp.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.text.Assertion;
import org.chartroom.core.text.TextSpan;

/**
 * Measures negation detection on the NegEx test set (Chapman et al.): {@code Report No, Concept, Sentence, Negation}
 * rows, the sentence possibly quoted, the gold {@code Negated} or {@code Affirmed}. The concept's span in the sentence
 * is its upper-case occurrence (the set marks the target that way), else its first case-insensitive occurrence; the
 * span goes to {@link ClinicalAnnotator#assess}, exactly as {@code annotate} with {@code targets} would send it.
 */
public final class NegationEvaluation {
    /** Where the shared folder keeps the NegEx development set. */
    public static final String GOLD = "data/negex/dev.tsv";

    private final ClinicalAnnotator annotator;

    public NegationEvaluation(ClinicalAnnotator annotator) {
        this.annotator = annotator;
    }

    /** One item of the set: the concept's span in the sentence and whether it is negated. */
    public record Item(String report, String concept, String sentence, TextSpan target, boolean negated) {
    }

    /** An item the annotator got wrong, for error analysis. */
    public record Miss(Item item, boolean predictedNegated) {
    }

    /** Accuracy and precision/recall/F1 of the Negated class. */
    public record Result(int items, int truePositives, int falsePositives, int falseNegatives, int correct,
                         int skipped) {
        public double accuracy() {
            return items == 0 ? 0 : (double) correct / items;
        }

        public double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public Result run(Path sharedFolder) {
        return run(read(sharedFolder.resolve(GOLD)), miss -> { });
    }

    public Result run(List<Item> items, Consumer<Miss> misses) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int correct = 0;
        for (Item item : items) {
            Assertion a = annotator.assess(item.sentence(), List.of(item.target())).get(0);
            boolean predicted = a.negated();
            if (predicted == item.negated()) {
                correct++;
            } else {
                misses.accept(new Miss(item, predicted));
            }
            if (predicted && item.negated()) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (item.negated()) {
                fn++;
            }
        }
        return new Result(items.size(), tp, fp, fn, correct, 0);
    }

    /**
     * Reads the set; an item whose concept is not found in its sentence is left out (none are in the dev set).
     *
     * @throws ConfigurationException when the file is missing or unreadable; the message names it
     */
    public static List<Item> read(Path tsv) {
        if (!Files.isRegularFile(tsv)) {
            throw new ConfigurationException("the NegEx set " + tsv + " is missing; pass --shared DIR with"
                    + " data/negex/dev.tsv");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the NegEx set " + tsv + ": " + e.getMessage(), e);
        }
        List<Item> items = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length < 4) {
                continue;
            }
            String concept = unquote(f[1]);
            String sentence = unquote(f[2]);
            TextSpan target = locate(concept, sentence);
            if (target == null) {
                continue;
            }
            boolean negated = f[3].strip().toLowerCase(Locale.ROOT).startsWith("negat");
            items.add(new Item(f[0], concept, sentence, target, negated));
        }
        return items;
    }

    /** The upper-case occurrence of the concept (spaces may differ), else its first occurrence in any case. */
    static TextSpan locate(String concept, String sentence) {
        String[] words = concept.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        for (String w : words) {
            regex.append(regex.isEmpty() ? "" : "\\s+").append(Pattern.quote(w));
        }
        Matcher m = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(sentence);
        TextSpan first = null;
        while (m.find()) {
            TextSpan span = new TextSpan(m.start(), m.end());
            if (first == null) {
                first = span;
            }
            String found = m.group();
            if (found.equals(found.toUpperCase(Locale.ROOT))) {
                return span;
            }
        }
        return first;
    }

    private static String unquote(String field) {
        String s = field.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }
}
