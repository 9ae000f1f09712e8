/**
 * Sections of a clinical note: the {@link org.chartroom.nlp.section.SectionTypeCatalogue} of canonical types, the
 * {@link org.chartroom.nlp.section.HeaderVocabulary} that maps header wording to a type (a resource file a site can
 * extend), the scanners that find written headers ({@code HISTORY:}, {@code Plan:}) and spoken headings
 * ({@code history of present illness ...}), the documented context rules, and the
 * {@link org.chartroom.nlp.section.Sectionizer} that composes them into a list of sections.
 */
package org.chartroom.nlp.section;
