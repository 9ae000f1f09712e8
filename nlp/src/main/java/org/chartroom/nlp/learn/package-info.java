/**
 * What the learned components share: the settings of OpenNLP's maximum-entropy trainer
 * ({@link org.chartroom.nlp.learn.MaxentSettings}) and the two-file form of a trained model
 * ({@link org.chartroom.nlp.learn.MaxentModelFiles}), used by the spoken-heading and spoken-sentence models and the
 * document classifier.
 */
package org.chartroom.nlp.learn;
