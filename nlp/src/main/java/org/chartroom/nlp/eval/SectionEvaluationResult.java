package org.chartroom.nlp.eval;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a section evaluation.
 *
 * @param reports           reports evaluated
 * @param written           header scores on the reports as written
 * @param speechLike        header scores on the speech-like transformation of the same reports
 * @param confusions        type confusions on the written reports, most frequent first
 * @param misalignedGold    gold rows whose header text was not found at their offset (should be 0)
 * @param writtenSeconds    wall-clock seconds the sectionizer spent on the written reports
 */
public record SectionEvaluationResult(int reports, HeaderScores written, HeaderScores speechLike,
                                      List<TypeConfusion> confusions, int misalignedGold, double writtenSeconds) {
    public SectionEvaluationResult {
        confusions = List.copyOf(confusions);
    }

    /** Reports per second through the sectionizer (written variant). */
    public double reportsPerSecond() {
        return writtenSeconds <= 0 ? 0.0 : reports / writtenSeconds;
    }

    /** A short multi-line summary for a console. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "reports: %d (misaligned gold rows: %d)%n", reports, misalignedGold));
        s.append("written:     ").append(written).append(System.lineSeparator());
        s.append("speech-like: ").append(speechLike).append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "sectionizer throughput (written): %.0f reports/s%n", reportsPerSecond()));
        return s.toString();
    }
}
