/**
 * Sections of a clinical note: the {@link org.chartroom.nlp.section.SectionTypeCatalogue} of canonical types, the
 * {@link org.chartroom.nlp.section.HeaderVocabulary} that maps header wording to a type (a resource file a site can
 * extend), the {@link org.chartroom.nlp.section.WrittenHeaderScanner} for written headers ({@code HISTORY:},
 * {@code Plan:}), the {@link org.chartroom.nlp.section.SpokenHeaderScanner} for headings said inside dictated text
 * (vocabulary phrases as candidates, decided by a maximum-entropy {@link org.chartroom.nlp.section.SpokenHeadingModel}
 * that {@link org.chartroom.nlp.section.SpokenHeadingTrainer} learns from typed notes turned
 * {@link org.chartroom.nlp.section.SpeechLikeText}), the documented context rules, and the
 * {@link org.chartroom.nlp.section.Sectionizer} that composes them into a list of sections.
 */
package org.chartroom.nlp.section;
