/**
 * Dictation formatting: spoken punctuation, layout commands, headings, numbers, units and dates into a typed draft
 * ({@link org.chartroom.asr.format.DictationFormatter}) and back ({@link org.chartroom.asr.format.SpokenForm}); the
 * rules are the resource files {@code commands.tsv}, {@code headings.tsv}, {@code units.tsv}, {@code numbers.tsv} and
 * {@code months.tsv} of this package.
 */
package org.chartroom.asr.format;
