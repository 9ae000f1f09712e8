package org.chartroom.api.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Character and word error rates of recognised text against its reference: the Levenshtein distance (insertions,
 * deletions, substitutions) divided by the reference's length. Whitespace runs count as one space and are trimmed,
 * because layout (line breaks, blank lines) is not what OCR is judged on here.
 */
public final class ErrorRate {
    private ErrorRate() {
    }

    public static double cer(String reference, String hypothesis) {
        int[] ref = normalise(reference).codePoints().toArray();
        int[] hyp = normalise(hypothesis).codePoints().toArray();
        return ref.length == 0 ? (hyp.length == 0 ? 0 : 1) : (double) distance(ref, hyp) / ref.length;
    }

    public static double wer(String reference, String hypothesis) {
        List<String> ref = words(reference);
        List<String> hyp = words(hypothesis);
        // Words as integers, so one distance routine serves both rates.
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        int[] r = ref.stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
        int[] h = hyp.stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
        return r.length == 0 ? (h.length == 0 ? 0 : 1) : (double) distance(r, h) / r.length;
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static List<String> words(String text) {
        String normal = normalise(text);
        return normal.isEmpty() ? List.of() : Arrays.asList(normal.split(" "));
    }

    /** Levenshtein distance in two rows. */
    static int distance(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
