/**
 * Evaluation of the NLP stage against the shared development gold: section header precision, recall, F1 and type
 * accuracy on MTSamples reports (as written, and transformed to speech-like text), the spoken-heading model's
 * cross-validated held-out estimate, sentence ends in unpunctuated text, negation and codes, with the small readers
 * they need (an RFC-4180 CSV reader, the gold TSV) and the deterministic {@link org.chartroom.nlp.eval.HeldOutSplit}
 * that every learned component is measured with. Evaluation reads the shared data folder; it never copies it.
 */
package org.chartroom.nlp.eval;
