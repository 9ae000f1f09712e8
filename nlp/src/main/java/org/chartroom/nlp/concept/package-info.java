/**
 * Concept mentions (problems, diagnoses, symptoms, findings, procedures) found with a dictionary built from the
 * ICD-10-CM Alphabetic Index main terms and the clinical abbreviations of {@code code-synonyms.tsv}, widened to the
 * noun phrase around them, and the document's code suggestions derived from the mentions that are asserted.
 */
package org.chartroom.nlp.concept;
