/**
 * Chartroom's clinical NLP stage. {@link org.chartroom.nlp.ClinicalNoteAnnotator} implements the core
 * {@link org.chartroom.core.pipeline.ClinicalAnnotator} port by composing small steps, each in its own package:
 * sentence splitting ({@code sentence}), sections ({@code section}), with rule files read by {@code rules} and the
 * evaluation against the shared gold in {@code eval}. Concepts, context and ICD-10-CM suggestions come later.
 */
package org.chartroom.nlp;
