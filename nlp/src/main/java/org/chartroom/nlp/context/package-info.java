/**
 * Context of a mention (ConText, Harkema et al. 2009): negated, uncertain, historical, family (experiencer) or
 * hypothetical, decided by trigger phrases read from a resource file, their scope (forward, backward, cut by
 * terminators and the sentence end), pseudo-triggers, and section defaults.
 */
package org.chartroom.nlp.context;
