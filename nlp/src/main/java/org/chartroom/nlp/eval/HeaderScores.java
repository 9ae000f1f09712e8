package org.chartroom.nlp.eval;

/**
 * Header detection and typing counts for one evaluation. A predicted header matches a gold header when both start
 * at the same offset (the header text then starts at the same character; the end may differ only where the gold
 * and the prediction disagree on trailing words, which is rare and still the same section start).
 *
 * @param gold        gold headers
 * @param predicted   predicted headers
 * @param matched     predicted headers that match a gold header
 * @param typeCorrect matched headers whose predicted type equals the gold type
 */
public record HeaderScores(int gold, int predicted, int matched, int typeCorrect) {
    public double precision() {
        return ratio(matched, predicted);
    }

    public double recall() {
        return ratio(matched, gold);
    }

    public double f1() {
        return harmonic(precision(), recall());
    }

    /** Share of matched headers with the right type. */
    public double typeAccuracy() {
        return ratio(typeCorrect, matched);
    }

    /** Precision counting only headers that match and have the right type. */
    public double typedPrecision() {
        return ratio(typeCorrect, predicted);
    }

    public double typedRecall() {
        return ratio(typeCorrect, gold);
    }

    public double typedF1() {
        return harmonic(typedPrecision(), typedRecall());
    }

    HeaderScores plus(HeaderScores other) {
        return new HeaderScores(gold + other.gold, predicted + other.predicted, matched + other.matched,
                typeCorrect + other.typeCorrect);
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    private static double harmonic(double p, double r) {
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "gold=%d predicted=%d matched=%d P=%.4f R=%.4f F1=%.4f typeAccuracy=%.4f typedF1=%.4f",
                gold, predicted, matched, precision(), recall(), f1(), typeAccuracy(), typedF1());
    }
}
