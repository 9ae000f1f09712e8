package org.chartroom.nlp.sentence;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.rules.Abbreviations;
import org.chartroom.nlp.section.HeaderCandidate;
import org.chartroom.nlp.section.HeaderVocabulary;
import org.chartroom.nlp.section.SpeechLikeText;
import org.chartroom.nlp.section.WrittenHeaderScanner;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits clinical text into sentences, as spans of the original string.
 *
 * <p>First the text is cut into blocks at hard boundaries: line breaks (a newline, except where a line obviously
 * continues the previous one; a comma directly followed by a non-space, which in MTSamples stands for a replaced
 * newline, except inside a number such as {@code 1,200}) and section headers (a header such as {@code HISTORY:}
 * is a sentence of its own, and the text after it starts a new one). Then the OpenNLP model splits each block, and
 * repairs are applied: a courtesy title ({@code Dr.}) and the initials after it ({@code Dr. A. B. Smith}) never
 * end a sentence, a clinical abbreviation ({@code p.o.}, {@code b.i.d.}, or any dotted one such as {@code q.4-6h.})
 * ends one only before an upper-case word, and a bare list number ({@code 1.}) joins the sentence it numbers. Spans never include the separating whitespace or line-break comma.
 *
 * <p>Thread-safe: the model is shared, a detector is made per call (it is cheap and not thread-safe).
 * Never throws for any input string.
 */
public final class SentenceSplitter {
    private final SentenceModel model;
    private final Abbreviations abbreviations;
    private final WrittenHeaderScanner headers;
    /** Decides sentence ends in unpunctuated stretches; empty: such a stretch stays one sentence. */
    private final Supplier<Optional<SpokenSentenceModel>> spoken;

    /**
     * The splitter with the English model from the classpath, the built-in header vocabulary and the built-in
     * spoken-sentence model (loaded on first need).
     */
    public SentenceSplitter() {
        this(OpenNlpModels.englishSentences(), Abbreviations.standard(), HeaderVocabulary.standard(),
                () -> Optional.of(SpokenSentenceModel.builtIn()));
    }

    public SentenceSplitter(SentenceModel model, Abbreviations abbreviations, HeaderVocabulary vocabulary,
                            Supplier<Optional<SpokenSentenceModel>> spoken) {
        this.model = model;
        this.abbreviations = abbreviations;
        this.headers = new WrittenHeaderScanner(vocabulary, abbreviations);
        this.spoken = spoken;
    }

    /** The splitter for typed text only: an unpunctuated stretch stays one sentence (the spoken model's labels). */
    public static SentenceSplitter written() {
        return new SentenceSplitter(OpenNlpModels.englishSentences(), Abbreviations.standard(),
                HeaderVocabulary.standard(), Optional::empty);
    }

    /** The sentences of {@code text}, in order, non-overlapping, each trimmed. */
    public List<TextSpan> split(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        BitSet cuts = hardBoundaries(text);
        SentenceDetectorME detector = new SentenceDetectorME(model);
        List<TextSpan> sentences = new ArrayList<>();
        int blockStart = 0;
        int n = text.length();
        while (blockStart < n) {
            int blockEnd = cuts.nextSetBit(blockStart + 1);
            if (blockEnd < 0) {
                blockEnd = n;
            }
            splitBlock(text, blockStart, blockEnd, detector, sentences);
            blockStart = blockEnd;
        }
        return joinListNumbers(text, sentences);
    }

    /** A list number left alone by a line or header boundary ({@code "2.  RIGHT ARTERIAL LINE:"}) joins what follows. */
    private static List<TextSpan> joinListNumbers(String text, List<TextSpan> sentences) {
        List<TextSpan> out = new ArrayList<>(sentences.size());
        int k = 0;
        while (k < sentences.size()) {
            TextSpan span = sentences.get(k);
            if (k + 1 < sentences.size() && isListNumber(text, span.start(), span.end())
                    && text.substring(span.end(), sentences.get(k + 1).start()).isBlank()) {
                out.add(new TextSpan(span.start(), sentences.get(k + 1).end()));
                k += 2;
            } else {
                out.add(span);
                k++;
            }
        }
        return List.copyOf(out);
    }

    /** Positions where a new block starts (the separator characters themselves are trimmed away later). */
    private BitSet hardBoundaries(String text) {
        int n = text.length();
        BitSet cuts = new BitSet(n + 1);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c == '\n' || c == '\r') && !continuesLine(text, i)) {
                cuts.set(i);
            } else if (c == ',' && isCommaLineBreak(text, i)) {
                cuts.set(i);
            }
        }
        for (HeaderCandidate header : headers.scan(text)) {
            cuts.set(header.start());
            if (header.bodyStart() < n) {
                cuts.set(header.bodyStart());
            }
        }
        return cuts;
    }

    /** In MTSamples a newline became a comma: a comma directly followed by a non-space, not inside a number. */
    static boolean isCommaLineBreak(String text, int i) {
        if (i + 1 >= text.length()) {
            return true;
        }
        char next = text.charAt(i + 1);
        if (Character.isWhitespace(next)) {
            return false;
        }
        boolean inNumber = i > 0 && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(next);
        return !inNumber;
    }

    /** Shorter unpunctuated stretches stay one sentence (a label, a list entry, a short phrase). */
    static final int MIN_SPOKEN_WORDS = 12;

    /** Lines shorter than this are entries of their own (a list, a label), not a wrapped sentence. */
    private static final int MIN_WRAPPED_LINE = 40;

    /**
     * A single newline inside a sentence: a long line that ends in a lower-case letter or comma, followed by a line
     * that starts lower case.
     */
    private static boolean continuesLine(String text, int i) {
        int lineStart = i - 1;
        while (lineStart >= 0 && text.charAt(lineStart) != '\n' && text.charAt(lineStart) != '\r') {
            lineStart--;
        }
        if (i - lineStart - 1 < MIN_WRAPPED_LINE) {
            return false;
        }
        int before = i - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--;
        }
        int after = i + 1;
        if (text.charAt(i) == '\r' && after < text.length() && text.charAt(after) == '\n') {
            after++;
        }
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
            after++;
        }
        if (before < 0 || after >= text.length()) {
            return false;
        }
        char last = text.charAt(before);
        char next = text.charAt(after);
        return (Character.isLowerCase(last) || last == ',') && Character.isLowerCase(next);
    }

    private void splitBlock(String text, int from, int to, SentenceDetectorME detector, List<TextSpan> out) {
        int start = from;
        int end = to;
        while (start < end && isSeparator(text.charAt(start))) {
            start++;
        }
        while (end > start && isSeparator(text.charAt(end - 1))) {
            end--;
        }
        if (!hasLetterOrDigit(text, start, end)) {
            return;
        }
        if (!hasInnerSentenceEnd(text, start, end)) {
            Optional<SpokenSentenceModel> speech = hasSentenceMark(text, start, end) ? Optional.empty() : spoken.get();
            if (speech.isPresent()) {
                splitSpoken(text, start, end, speech.get(), out);
            } else {
                out.add(new TextSpan(start, end));
            }
            return;
        }
        List<int[]> pieces = new ArrayList<>();
        try {
            for (Span span : detector.sentPosDetect(text.substring(start, end))) {
                pieces.add(new int[] {start + span.getStart(), start + span.getEnd()});
            }
        } catch (RuntimeException e) {
            // A model failure on odd input must not lose the text: keep the block as one sentence.
            pieces.clear();
        }
        if (pieces.isEmpty()) {
            out.add(new TextSpan(start, end));
            return;
        }
        repair(text, pieces, out);
    }

    /** Joins pieces that end in a title, a lower-case-continued abbreviation, or are only a list number. */
    private void repair(String text, List<int[]> pieces, List<TextSpan> out) {
        int[] current = null;
        for (int[] piece : pieces) {
            int s = piece[0];
            int e = piece[1];
            while (s < e && isSeparator(text.charAt(s))) {
                s++;
            }
            while (e > s && isSeparator(text.charAt(e - 1))) {
                e--;
            }
            if (s >= e) {
                continue;
            }
            if (current != null && mustJoin(text, current, s)) {
                current[1] = e;
            } else {
                if (current != null) {
                    out.add(new TextSpan(current[0], current[1]));
                }
                current = new int[] {s, e};
            }
        }
        if (current != null) {
            out.add(new TextSpan(current[0], current[1]));
        }
    }

    private boolean mustJoin(String text, int[] previous, int nextStart) {
        int lastChar = previous[1] - 1;
        if (isListNumber(text, previous[0], previous[1])) {
            return true;
        }
        if (text.charAt(lastChar) != '.') {
            return false;
        }
        char next = text.charAt(nextStart);
        boolean continues = Character.isLowerCase(next) || Character.isDigit(next);
        Optional<Abbreviations.Kind> kind = abbreviations.endingAt(text, lastChar);
        if (kind.isEmpty()) {
            return continues && ClinicalPeriods.endsDottedAbbreviation(text, lastChar)
                    || ClinicalPeriods.endsInitialAfterName(text, lastChar, abbreviations);
        }
        return kind.get() == Abbreviations.Kind.TITLE || continues;
    }

    /** {@code 1.}, {@code 12)}, {@code (3)}, {@code a.}: a list number alone. */
    private static boolean isListNumber(String text, int start, int end) {
        int length = end - start;
        if (length < 2 || length > 4) {
            return false;
        }
        char last = text.charAt(end - 1);
        if (last != '.' && last != ')') {
            return false;
        }
        int s = text.charAt(start) == '(' ? start + 1 : start;
        if (s >= end - 1) {
            return false;
        }
        boolean digits = true;
        for (int i = s; i < end - 1; i++) {
            digits &= Character.isDigit(text.charAt(i));
        }
        return digits || end - 1 - s == 1 && Character.isLetter(text.charAt(s));
    }

    /**
     * A stretch without any sentence mark ({@code . ? !}) of at least {@value #MIN_SPOKEN_WORDS} words is dictation:
     * the spoken-sentence model decides where its sentences end.
     */
    private static void splitSpoken(String text, int start, int end, SpokenSentenceModel model, List<TextSpan> out) {
        SpeechLikeText speech = SpeechLikeText.of(text.substring(start, end));
        List<int[]> spans = speech.wordSpans();
        if (spans.size() < MIN_SPOKEN_WORDS) {
            out.add(new TextSpan(start, end));
            return;
        }
        String[] words = new String[spans.size()];
        for (int k = 0; k < words.length; k++) {
            words[k] = speech.text().substring(spans.get(k)[0], spans.get(k)[1]);
        }
        BitSet ends = model.ends(words);
        int pieceStart = start;
        for (int k = ends.nextSetBit(0); k >= 0; k = ends.nextSetBit(k + 1)) {
            boolean last = k == words.length - 1;
            int pieceEnd = last ? end : start + speech.originalEnd(spans.get(k)[1]);
            out.add(new TextSpan(pieceStart, pieceEnd));
            if (!last) {
                pieceStart = start + speech.original(spans.get(k + 1)[0]);
            }
        }
    }

    private static boolean hasSentenceMark(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '?' || c == '!') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasInnerSentenceEnd(String text, int start, int end) {
        for (int i = start; i < end - 1; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '?' || c == '!') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetterOrDigit(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == ',' || Character.isISOControl(c);
    }
}
