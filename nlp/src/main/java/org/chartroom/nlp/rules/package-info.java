/**
 * Reading the NLP stage's rule files: small, versioned, tab-separated resources (header vocabulary, section types,
 * abbreviation and trigger lists) that ship inside the jar, plus optional site files that extend them without
 * recompiling. Code reads rules; code does not contain them.
 */
package org.chartroom.nlp.rules;
