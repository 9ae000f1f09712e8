package org.chartroom.asr.lm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A back-off n-gram language model counted from sentences and written in ARPA format (which
 * {@code sphinx_lm_convert} turns into PocketSphinx's binary form). Smoothing is absolute discounting with Katz-style
 * back-off: a seen n-gram gets {@code (c - D) / c(history)}, the discounted mass goes to the lower order through the
 * history's back-off weight, normalised over the words not seen after it, so every history's distribution sums to
 * one. Written by us rather than pulled in because no maintained Java n-gram library exists, and the computation is
 * small and tested (the distributions are checked to sum to one).
 */
public final class NgramModel {
    static final String BOS = "<s>";
    static final String EOS = "</s>";
    private static final double DISCOUNT = 0.5;

    private final int order;
    /** counts.get(k - 1): n-gram (words joined by a space) → count, for k = 1..order. */
    private final List<Map<String, Integer>> counts = new ArrayList<>();
    private final List<Map<String, Double>> prob = new ArrayList<>();
    private final List<Map<String, Double>> backoff = new ArrayList<>();

    public NgramModel(int order) {
        if (order < 1 || order > 5) {
            throw new IllegalArgumentException("order 1 to 5");
        }
        this.order = order;
        for (int k = 0; k < order; k++) {
            counts.add(new HashMap<>());
        }
    }

    /** Counts one sentence (words, lower case); it is padded with {@code <s>} and {@code </s>}. */
    public void add(List<String> sentence) {
        List<String> w = new ArrayList<>(sentence.size() + 2);
        w.add(BOS);
        w.addAll(sentence);
        w.add(EOS);
        for (int i = 0; i < w.size(); i++) {
            for (int k = 1; k <= order && i + k <= w.size(); k++) {
                if (k == 1 && i == 0) {
                    continue;  // <s> is never predicted
                }
                counts.get(k - 1).merge(String.join(" ", w.subList(i, i + k)), 1, Integer::sum);
            }
        }
    }

    /** The vocabulary (without the sentence marks). */
    public List<String> vocabulary() {
        return counts.get(0).keySet().stream().filter(w -> !w.equals(EOS)).sorted().toList();
    }

    /** Computes probabilities and back-off weights; call after the last {@link #add}. */
    public void estimate() {
        prob.clear();
        backoff.clear();
        Map<String, Double> uni = new HashMap<>();
        long total = counts.get(0).values().stream().mapToLong(Integer::longValue).sum();
        counts.get(0).forEach((w, c) -> uni.put(w, c / (double) total));
        prob.add(uni);
        for (int k = 2; k <= order; k++) {
            Map<String, Integer> histories = new HashMap<>();
            Map<String, Integer> followers = new HashMap<>();
            for (Map.Entry<String, Integer> e : counts.get(k - 1).entrySet()) {
                String h = history(e.getKey());
                histories.merge(h, e.getValue(), Integer::sum);
                followers.merge(h, 1, Integer::sum);
            }
            Map<String, Double> p = new HashMap<>();
            Map<String, Double> seenLower = new HashMap<>();
            for (Map.Entry<String, Integer> e : counts.get(k - 1).entrySet()) {
                String h = history(e.getKey());
                p.put(e.getKey(), (e.getValue() - DISCOUNT) / histories.get(h));
                seenLower.merge(h, probability(shorten(e.getKey()), k - 1), Double::sum);
            }
            Map<String, Double> bo = new HashMap<>();
            for (Map.Entry<String, Integer> e : histories.entrySet()) {
                double left = DISCOUNT * followers.get(e.getKey()) / e.getValue();
                double lower = Math.max(1e-9, 1 - seenLower.get(e.getKey()));
                bo.put(e.getKey(), left / lower);
            }
            prob.add(p);
            backoff.add(bo);
        }
    }

    /** P(last word | the others) with back-off, using orders up to {@code maxOrder}. */
    public double probability(String ngram, int maxOrder) {
        String[] w = ngram.split(" ");
        int k = Math.min(w.length, maxOrder);
        String g = String.join(" ", java.util.Arrays.copyOfRange(w, w.length - k, w.length));
        if (k == 1) {
            return prob.get(0).getOrDefault(g, 0.0);
        }
        Double p = prob.get(k - 1).get(g);
        if (p != null) {
            return p;
        }
        double bo = backoff.get(k - 2).getOrDefault(history(g), 1.0);
        return bo * probability(shorten(g), k - 1);
    }

    /** Writes the model in ARPA format. */
    public void writeArpa(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\\data\\\n");
            for (int k = 1; k <= order; k++) {
                int n = counts.get(k - 1).size() + (k == 1 ? 1 : 0);
                out.write("ngram " + k + "=" + n + "\n");
            }
            for (int k = 1; k <= order; k++) {
                out.write("\n\\" + k + "-grams:\n");
                Map<String, Double> bo = k < order ? backoff.get(k - 1) : Map.of();
                Map<String, Double> p = new TreeMap<>(prob.get(k - 1));
                if (k == 1) {
                    p.put(BOS, 0.0);
                }
                for (Map.Entry<String, Double> e : p.entrySet()) {
                    double logp = e.getValue() > 0 ? Math.log10(e.getValue()) : -99;
                    out.write(String.format(Locale.ROOT, "%.6f\t%s", logp, e.getKey()));
                    Double b = bo.get(e.getKey());
                    if (k < order) {
                        out.write(String.format(Locale.ROOT, "\t%.6f", b == null ? 0.0 : Math.log10(b)));
                    }
                    out.write("\n");
                }
            }
            out.write("\n\\end\\\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the language model to " + file, e);
        }
    }

    private static String history(String ngram) {
        return ngram.substring(0, ngram.lastIndexOf(' '));
    }

    private static String shorten(String ngram) {
        return ngram.substring(ngram.indexOf(' ') + 1);
    }
}
