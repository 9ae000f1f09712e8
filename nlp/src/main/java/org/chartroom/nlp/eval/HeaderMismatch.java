package org.chartroom.nlp.eval;

/**
 * One disagreement between the sectionizer and the gold, for error analysis. Holds header strings of the evaluation
 * corpus (public MTSamples text); do not feed it real patient records or write it to application logs.
 *
 * @param reportId        the report's row id
 * @param variant         written or speech-like text
 * @param kind            missed gold header, spurious prediction, or wrong type
 * @param offset          char offset of the header in the evaluated text
 * @param goldHeader      gold header text, empty for a spurious prediction
 * @param goldType        gold type, empty for a spurious prediction
 * @param predictedHeader predicted header text, empty for a missed header
 * @param predictedType   predicted type, empty for a missed header
 */
public record HeaderMismatch(String reportId, Variant variant, Kind kind, int offset, String goldHeader,
                             String goldType, String predictedHeader, String predictedType) {
    /** Which text was evaluated. */
    public enum Variant {
        WRITTEN, SPEECH_LIKE
    }

    /** What went wrong. */
    public enum Kind {
        MISSED, SPURIOUS, WRONG_TYPE
    }
}
