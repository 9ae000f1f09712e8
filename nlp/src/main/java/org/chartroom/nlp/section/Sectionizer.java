package org.chartroom.nlp.section;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chartroom.core.text.Section;
import org.chartroom.nlp.rules.Abbreviations;

/**
 * Splits a note into typed sections: finds the headers ({@link WrittenHeaderScanner}, or
 * {@link SpokenHeaderScanner} for speech-like text without colons), types each with the {@link HeaderVocabulary},
 * refines the types with the {@link SectionContextRules}, and makes each header the start of a section that runs
 * to the next header (or the end of the text). Text before the first header belongs to no section.
 *
 * <p>Thread-safe and stateless after construction; never throws for any input string.
 */
public final class Sectionizer {
    private final HeaderVocabulary vocabulary;
    private final WrittenHeaderScanner writtenScanner;
    private final SpokenHeaderScanner spokenScanner;
    private final SectionContextRules contextRules;

    /** A sectionizer with the built-in header vocabulary. */
    public Sectionizer() {
        this(HeaderVocabulary.standard());
    }

    /**
     * A sectionizer whose vocabulary is the built-in one extended by a site's header file (same format as the
     * built-in {@code section-headers.tsv}).
     *
     * @throws org.chartroom.core.error.ConfigurationException when the file cannot be read or is malformed
     */
    public Sectionizer(Path siteHeaderFile) {
        this(HeaderVocabulary.withSiteFile(siteHeaderFile));
    }

    public Sectionizer(HeaderVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.writtenScanner = new WrittenHeaderScanner(vocabulary, Abbreviations.standard());
        this.spokenScanner = new SpokenHeaderScanner(vocabulary);
        this.contextRules = SectionContextRules.standard(vocabulary);
    }

    /**
     * The sections of a note. Written notes (any colon in the text) use written headers; a text without a single
     * colon is read as speech-like (a dictation transcript) and its spoken headings are used.
     */
    public List<Section> sections(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return text.indexOf(':') >= 0 ? writtenSections(text) : spokenSections(text);
    }

    /** Sections from written headers ({@code HEADER:}) only. */
    public List<Section> writtenSections(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return toSections(text, writtenScanner.scan(text));
    }

    /** Sections from spoken headings (lower-case, unpunctuated text such as a dictation transcript). */
    public List<Section> spokenSections(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return toSections(text, spokenScanner.scan(text));
    }

    private List<Section> toSections(String text, List<HeaderCandidate> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        List<String> baseTypes = new ArrayList<>(headers.size());
        for (HeaderCandidate header : headers) {
            baseTypes.add(vocabulary.typeOf(header.text(text)).orElse(SectionContextRules.UNKNOWN));
        }
        List<String> types = contextRules.apply(text, headers, baseTypes);
        List<Section> sections = new ArrayList<>(headers.size());
        for (int k = 0; k < headers.size(); k++) {
            HeaderCandidate header = headers.get(k);
            int end = k + 1 < headers.size() ? headers.get(k + 1).start() : text.length();
            sections.add(new Section(types.get(k), header.text(text), header.start(), end));
        }
        return List.copyOf(sections);
    }
}
