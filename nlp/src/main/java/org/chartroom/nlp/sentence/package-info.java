/**
 * Sentence boundaries in clinical text: the OpenNLP English sentence model (loaded once from the
 * {@code opennlp-models-sentdetect-en} jar on the classpath) applied within the lines and header-delimited blocks
 * of a note, with clinical repairs (titles and dosing abbreviations, list numbers, MTSamples comma line breaks).
 */
package org.chartroom.nlp.sentence;
