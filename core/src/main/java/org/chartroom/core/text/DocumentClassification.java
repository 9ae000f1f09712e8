package org.chartroom.core.text;

/**
 * What kind of document a text reads like, as a classifier suggests it: the document type (a
 * {@link org.chartroom.core.document.DocumentType} code such as {@code discharge_summary}) and the clinical
 * specialty, each with the classifier's probability. A suggestion, never the uploader's metadata: it fills in where
 * the uploader gave none. Empty strings and 0 when there is no classifier.
 *
 * @param type                 a document type code, or empty
 * @param typeProbability      the classifier's probability of {@code type}, 0 to 1
 * @param specialty            a specialty name (e.g. {@code Orthopedic}), or empty
 * @param specialtyProbability the classifier's probability of {@code specialty}, 0 to 1
 */
public record DocumentClassification(String type, double typeProbability, String specialty,
                                     double specialtyProbability) {
    /** No suggestion. */
    public static final DocumentClassification NONE = new DocumentClassification("", 0, "", 0);

    public DocumentClassification {
        type = type == null ? "" : type;
        specialty = specialty == null ? "" : specialty;
    }
}
