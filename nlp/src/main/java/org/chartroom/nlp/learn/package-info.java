/**
 * What the learned components share: the settings of OpenNLP's maximum-entropy trainer
 * ({@link org.chartroom.nlp.learn.MaxentSettings}), used by the spoken-heading model and the document classifier.
 */
package org.chartroom.nlp.learn;
