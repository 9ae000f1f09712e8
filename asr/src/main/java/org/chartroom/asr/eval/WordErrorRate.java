package org.chartroom.asr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate as NIST sclite counts it: the reference and hypothesis aligned by dynamic programming with sclite's
 * weights (substitution 4, insertion 3, deletion 3, correct 0), then (substitutions + deletions + insertions) over the
 * reference words. {@link #normalise} applies the usual text normalisation before scoring (case folded, punctuation
 * removed, hyphens and slashes split words), so that "120/80," and "120 80" are the same words.
 *
 * @param substitutions substituted words
 * @param deletions     reference words the hypothesis lacks
 * @param insertions    hypothesis words the reference lacks
 * @param referenceWords the number of reference words
 */
public record WordErrorRate(int substitutions, int deletions, int insertions, int referenceWords) {
    private static final int SUB = 4;
    private static final int INS = 3;
    private static final int DEL = 3;

    public int errors() {
        return substitutions + deletions + insertions;
    }

    /** The rate in [0, ∞): errors over reference words (0 when both are empty). */
    public double rate() {
        return referenceWords == 0 ? (insertions == 0 ? 0 : 1) : errors() / (double) referenceWords;
    }

    /** Sums the counts of several utterances (a corpus WER is the pooled counts, not the mean of rates). */
    public WordErrorRate plus(WordErrorRate other) {
        return new WordErrorRate(substitutions + other.substitutions, deletions + other.deletions,
                insertions + other.insertions, referenceWords + other.referenceWords);
    }

    public static final WordErrorRate ZERO = new WordErrorRate(0, 0, 0, 0);

    /** Lower case, punctuation removed (apostrophes inside words kept), hyphens and slashes split words. */
    public static List<String> normalise(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[-/]", " ").replaceAll("[^\\p{L}\\p{N}'.\\s]", " ")
                .replaceAll("(?<![\\p{N}])\\.|\\.(?![\\p{N}])", " ").replaceAll("(^|\\s)'+|'+(\\s|$)", " ");
        List<String> words = new ArrayList<>();
        for (String w : s.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Scores normalised texts. */
    public static WordErrorRate of(String reference, String hypothesis) {
        return of(normalise(reference), normalise(hypothesis));
    }

    /** Scores word lists as given. */
    public static WordErrorRate of(List<String> ref, List<String> hyp) {
        int n = ref.size();
        int m = hyp.size();
        int[][] cost = new int[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            cost[i][0] = i * DEL;
        }
        for (int j = 1; j <= m; j++) {
            cost[0][j] = j * INS;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int diagonal = cost[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : SUB);
                cost[i][j] = Math.min(diagonal, Math.min(cost[i - 1][j] + DEL, cost[i][j - 1] + INS));
            }
        }
        int s = 0;
        int d = 0;
        int ins = 0;
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && cost[i][j] == cost[i - 1][j - 1]
                    + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : SUB)) {
                if (!ref.get(i - 1).equals(hyp.get(j - 1))) {
                    s++;
                }
                i--;
                j--;
            } else if (i > 0 && cost[i][j] == cost[i - 1][j] + DEL) {
                d++;
                i--;
            } else {
                ins++;
                j--;
            }
        }
        return new WordErrorRate(s, d, ins, n);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f%% (S=%d D=%d I=%d N=%d)", 100 * rate(), substitutions, deletions,
                insertions, referenceWords);
    }

}
