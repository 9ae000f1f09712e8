/**
 * Sentences and tokens of clinical text with the OpenNLP English models (loaded once from the
 * {@code opennlp-models-sentdetect-en} and {@code opennlp-models-tokenizer-en} jars on the classpath by
 * {@link org.chartroom.nlp.sentence.OpenNlpModels}): the {@link org.chartroom.nlp.sentence.SentenceSplitter} applies
 * the sentence model within the lines and header-delimited blocks of a note, with clinical repairs (titles and
 * initials, dosing abbreviations, list numbers, MTSamples comma line breaks) and splits unpunctuated dictation with
 * the learned {@link org.chartroom.nlp.sentence.SpokenSentenceModel}; the
 * {@link org.chartroom.nlp.sentence.ClinicalTokenizer} repairs the tokenizer model's cuts in abbreviations, list
 * numbers and ranges.
 */
package org.chartroom.nlp.sentence;
