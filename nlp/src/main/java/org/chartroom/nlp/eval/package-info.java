/**
 * Evaluation of the NLP stage against the shared development gold: section header precision, recall, F1 and type
 * accuracy on MTSamples reports (as written, and transformed to speech-like text), with the small readers it needs
 * (an RFC-4180 CSV reader, the gold TSV). Evaluation reads the shared data folder; it never copies it.
 */
package org.chartroom.nlp.eval;
