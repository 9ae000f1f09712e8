package org.chartroom.nlp;

import java.util.ArrayList;
import java.util.List;

import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Assertion;
import org.chartroom.core.text.Section;
import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.context.ContextAnalyzer;
import org.chartroom.nlp.section.Sectionizer;
import org.chartroom.nlp.sentence.SentenceSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NLP stage for a clinical note (foundation version): sentences and typed sections. Concepts and code
 * suggestions are empty lists until the concept, context and ICD-10-CM steps are added.
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
        this.sentences = sentences;
        this.sections = sections;
        this.context = context;
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
        return new Annotation(sentenceSpans, sectionList, List.of(), List.of());
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
