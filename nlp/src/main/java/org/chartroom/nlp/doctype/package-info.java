/**
 * Document type and specialty suggestion: two OpenNLP document categorizers (maximum entropy over the note's
 * words) trained from a corpus of labelled notes ({@link org.chartroom.nlp.doctype.DocumentClassCorpus}, the
 * MTSamples development reports by default, their labels mapped by {@code doctype-labels.tsv}), built once into
 * the data directory ({@link org.chartroom.nlp.doctype.DocumentClassifierHome}), and evaluated on a held-out split
 * ({@link org.chartroom.nlp.doctype.DocumentClassEvaluation}).
 */
package org.chartroom.nlp.doctype;
