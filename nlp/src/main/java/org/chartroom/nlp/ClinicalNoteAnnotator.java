package org.chartroom.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Assertion;
import org.chartroom.core.text.Section;
import org.chartroom.core.text.TextSpan;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.core.text.Concept;
import org.chartroom.core.text.DocumentClassification;
import org.chartroom.nlp.concept.CodeResources;
import org.chartroom.nlp.concept.ConceptDictionary;
import org.chartroom.nlp.concept.ConceptFinder;
import org.chartroom.nlp.concept.DocumentCoder;
import org.chartroom.nlp.context.ContextAnalyzer;
import org.chartroom.nlp.doctype.DocumentClassifier;
import org.chartroom.nlp.section.Sectionizer;
import org.chartroom.nlp.sentence.SentenceSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NLP stage for a clinical note: sentences, typed sections, concept mentions with their ConText assertion, the
 * document's ICD-10-CM suggestions (when a code index is available) and its suggested type and specialty (when a
 * document classifier is).
 *
 * <p>Thread-safe (its parts are immutable after construction), pure, and never throws for any input string: a
 * step that fails on odd input contributes nothing, and the failure is logged with the text length only (never the
 * text, which is PHI).
 */
public final class ClinicalNoteAnnotator implements ClinicalAnnotator {
    private static final Logger LOG = LoggerFactory.getLogger(ClinicalNoteAnnotator.class);

    private final SentenceSplitter sentences;
    private final Sectionizer sections;
    private final ContextAnalyzer context;
    private final Supplier<Optional<CodeResources>> codes;
    private final Supplier<Optional<DocumentClassifier>> documentClasses;
    private final ConceptFinder abbreviationsOnly = new ConceptFinder(ConceptDictionary.abbreviations());

    /** The annotator with the built-in models and rules. */
    public ClinicalNoteAnnotator() {
        this(new SentenceSplitter(), new Sectionizer());
    }

    /** The annotator with the given steps (e.g. a sectionizer extended by a site's header file). */
    public ClinicalNoteAnnotator(SentenceSplitter sentences, Sectionizer sections) {
        this(sentences, sections, new ContextAnalyzer());
    }

    /** The annotator with the given steps, including the context (assertion) step. */
    public ClinicalNoteAnnotator(SentenceSplitter sentences, Sectionizer sections, ContextAnalyzer context) {
        this(sentences, sections, context, Optional::empty);
    }

    /**
     * The full annotator: the code resources (concept dictionary, code suggester) come from {@code codes}, asked on
     * first use (it may build the code index) and, while it gives nothing, again on later notes (so it should answer
     * cheaply then); until it gives them, concepts are found with the built-in abbreviations only and no codes are
     * suggested.
     */
    public ClinicalNoteAnnotator(SentenceSplitter sentences, Sectionizer sections, ContextAnalyzer context,
                                 Supplier<Optional<CodeResources>> codes) {
        this(sentences, sections, context, onceFound(codes), Optional::empty);
    }

    private ClinicalNoteAnnotator(SentenceSplitter sentences, Sectionizer sections, ContextAnalyzer context,
                                  Supplier<Optional<CodeResources>> codes,
                                  Supplier<Optional<DocumentClassifier>> documentClasses) {
        this.sentences = sentences;
        this.sections = sections;
        this.context = context;
        this.codes = codes;
        this.documentClasses = documentClasses;
    }

    /**
     * This annotator, also suggesting each note's document type and specialty with the classifier that
     * {@code classifier} gives (asked once, on first use; it may train one); nothing is suggested when it gives none.
     */
    public ClinicalNoteAnnotator withDocumentClassifier(Supplier<Optional<DocumentClassifier>> classifier) {
        return new ClinicalNoteAnnotator(sentences, sections, context, codes, memoize(classifier));
    }

    /** The annotator with the built-in rules and the given code resources. */
    public static ClinicalNoteAnnotator withCodes(Supplier<Optional<CodeResources>> codes) {
        return new ClinicalNoteAnnotator(new SentenceSplitter(), new Sectionizer(), new ContextAnalyzer(), codes);
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** Asks {@code supplier} until it gives a value, then keeps that value (a code index may appear later). */
    private static <T> Supplier<Optional<T>> onceFound(Supplier<Optional<T>> supplier) {
        return new Supplier<>() {
            private volatile Optional<T> found = Optional.empty();

            @Override
            public Optional<T> get() {
                Optional<T> value = found;
                if (value.isPresent()) {
                    return value;
                }
                synchronized (this) {
                    if (found.isEmpty()) {
                        found = supplier.get();
                    }
                    return found;
                }
            }
        };
    }

    /** Each target decided by ConText in its own sentence, with its section's defaults. */
    @Override
    public List<Assertion> assess(String text, List<TextSpan> targets) {
        if (text == null || text.isEmpty() || targets.isEmpty()) {
            return targets.stream().map(t -> Assertion.AFFIRMED).toList();
        }
        List<Section> sectionList = sectionsOf(text);
        List<TextSpan> sentenceSpans = cutAtSectionStarts(text, sentencesOf(text), sectionList);
        List<Assertion> out = new ArrayList<>(targets.size());
        for (TextSpan t : targets) {
            out.add(context.assess(text, sentenceOf(sentenceSpans, t, text.length()), t,
                    sectionTypeAt(sectionList, t.start())));
        }
        return out;
    }

    /** The sentence holding the start of {@code span}; the whole text when no sentence does. */
    static TextSpan sentenceOf(List<TextSpan> sentences, TextSpan span, int length) {
        for (TextSpan s : sentences) {
            if (s.start() <= span.start() && span.start() < s.end()) {
                return s;
            }
        }
        return new TextSpan(0, length);
    }

    /** Whether {@code span} overlaps a section's header. */
    static boolean inHeader(List<Section> sections, TextSpan span) {
        for (Section s : sections) {
            int headerEnd = s.start() + s.header().length();
            if (span.start() < headerEnd && s.start() < span.end()) {
                return true;
            }
        }
        return false;
    }

    static String sectionTypeAt(List<Section> sections, int offset) {
        String type = "other";
        for (Section s : sections) {
            if (s.start() <= offset && offset < s.end()) {
                type = s.type();
            }
        }
        return type;
    }

    @Override
    public Annotation annotate(String text) {
        if (text == null || text.isEmpty()) {
            return Annotation.EMPTY;
        }
        List<Section> sectionList = sectionsOf(text);
        List<TextSpan> sentenceSpans = cutAtSectionStarts(text, sentencesOf(text), sectionList);
        List<DocumentCoder.Located> located = conceptsOf(text, sentenceSpans, sectionList);
        List<Concept> concepts = located.stream().map(DocumentCoder.Located::concept).toList();
        return new Annotation(sentenceSpans, sectionList, concepts, codesOf(located, text.length()),
                classificationOf(text));
    }

    private DocumentClassification classificationOf(String text) {
        try {
            return documentClasses.get().map(c -> c.classify(text)).orElse(DocumentClassification.NONE);
        } catch (RuntimeException e) {
            LOG.warn("document classification failed on a text of {} chars ({}); no suggestion", text.length(),
                    e.getClass().getSimpleName());
            return DocumentClassification.NONE;
        }
    }

    private List<DocumentCoder.Located> conceptsOf(String text, List<TextSpan> sentenceSpans, List<Section> sectionList) {
        try {
            ConceptFinder finder = codes.get().map(CodeResources::finder).orElse(abbreviationsOnly);
            List<DocumentCoder.Located> out = new ArrayList<>();
            for (TextSpan sentence : sentenceSpans) {
                for (TextSpan m : finder.find(text, sentence)) {
                    if (inHeader(sectionList, m)) {
                        continue; // "HISTORY OF PRESENT ILLNESS" names a section, not a condition
                    }
                    String type = sectionTypeAt(sectionList, m.start());
                    out.add(new DocumentCoder.Located(new Concept(m.of(text), m.start(), m.end(), "problem",
                            context.assess(text, sentence, m, type)), type));
                }
            }
            return out;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("concept finding failed on a text of {} chars ({}); no concepts returned", text.length(),
                    e.getClass().getSimpleName());
            return List.of();
        }
    }

    private List<CodeSuggestion> codesOf(List<DocumentCoder.Located> concepts, int length) {
        try {
            return codes.get().map(c -> c.coder().codes(concepts)).orElse(List.of());
        } catch (RuntimeException e) {
            LOG.warn("code suggestion failed on a text of {} chars ({}); no codes returned", length,
                    e.getClass().getSimpleName());
            return List.of();
        }
    }

    /**
     * No sentence runs across the start of a section: a spoken heading has no punctuation before it, so the
     * sentence splitter alone would run the previous sentence into it.
     */
    static List<TextSpan> cutAtSectionStarts(String text, List<TextSpan> sentences, List<Section> sections) {
        if (sections.isEmpty()) {
            return sentences;
        }
        List<TextSpan> out = new ArrayList<>(sentences.size() + sections.size());
        int next = 0;
        for (TextSpan sentence : sentences) {
            int start = sentence.start();
            while (next < sections.size() && sections.get(next).start() <= start) {
                next++;
            }
            while (next < sections.size() && sections.get(next).start() < sentence.end()) {
                int cut = sections.get(next).start();
                int end = cut;
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end > start) {
                    out.add(new TextSpan(start, end));
                }
                start = cut;
                next++;
            }
            out.add(new TextSpan(start, sentence.end()));
        }
        return out;
    }

    private List<TextSpan> sentencesOf(String text) {
        try {
            return sentences.split(text);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("sentence splitting failed on a text of {} chars ({}); no sentences returned", text.length(),
                    e.getClass().getSimpleName());
            return List.of();
        }
    }

    private List<Section> sectionsOf(String text) {
        try {
            return sections.sections(text);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("sectioning failed on a text of {} chars ({}); no sections returned", text.length(),
                    e.getClass().getSimpleName());
            return List.of();
        }
    }
}
