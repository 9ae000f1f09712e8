/**
 * ICD-10-CM FY2026 code suggestion: the release files read into entries ({@link Icd10cmRelease}), a Lucene code
 * index built from them once ({@link CodeIndexBuilder}) and read whole into memory at start ({@link CodeIndex}:
 * the code table and the term entries with a posting list per word), and the ranking of billable codes for a phrase
 * ({@link CodeSuggester}): index paths, cross-references and descriptions matched word by word, then header codes
 * resolved to their billable descendants by what the phrase states (laterality, acuity, episode of care), with the
 * default where it does not.
 */
package org.chartroom.nlp.codes;
