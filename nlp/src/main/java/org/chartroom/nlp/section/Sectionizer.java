package org.chartroom.nlp.section;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chartroom.core.text.Section;
import org.chartroom.nlp.rules.Abbreviations;

/**
 * Splits a note into typed sections: finds the headers ({@link WrittenHeaderScanner}, or
 * {@link SpokenHeaderScanner} for dictated text without written headers), types each with the {@link HeaderVocabulary},
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

    /** A sectionizer with the given vocabulary and the built-in spoken-heading model. */
    public Sectionizer(HeaderVocabulary vocabulary) {
        this(vocabulary, SpokenHeadingModel.builtIn());
    }

    /** A sectionizer with the given vocabulary and spoken-heading model (e.g. one trained on a site's notes). */
    public Sectionizer(HeaderVocabulary vocabulary, SpokenHeadingModel spokenModel) {
        this.vocabulary = vocabulary;
        this.writtenScanner = new WrittenHeaderScanner(vocabulary, Abbreviations.standard());
        this.spokenScanner = new SpokenHeaderScanner(vocabulary, spokenModel);
        this.contextRules = SectionContextRules.standard(vocabulary);
    }

    /**
     * The sections of a note: its written headers ({@code HEADER:}) when it has any; otherwise it is read as
     * dictated text (a transcript, or a draft whose headings were not marked) and its spoken headings are used.
     */
    public List<Section> sections(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<HeaderCandidate> written = writtenScanner.scan(text);
        return written.isEmpty() ? toSections(text, spokenScanner.scan(text)) : toSections(text, written);
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
