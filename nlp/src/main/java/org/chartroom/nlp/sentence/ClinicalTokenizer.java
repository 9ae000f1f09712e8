package org.chartroom.nlp.sentence;

import java.util.ArrayList;
import java.util.List;

import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.rules.Abbreviations;

import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Splits a sentence (or any span) of clinical text into tokens with the OpenNLP English tokenizer model, repaired
 * where the general-English model splits clinical writing wrongly:
 * <ul>
 *   <li>an abbreviation keeps its final period ({@code p.o.}, {@code b.i.d.}, {@code q.d.}, {@code Dr.}, the list of
 *       {@code abbreviations.tsv}), as does any dotted dosing abbreviation the list lacks ({@code q.12h.});</li>
 *   <li>a list number at the start of the span is one token ({@code 1.}), not a number and a period;</li>
 *   <li>a range of numbers is one token ({@code 1-2}, {@code q.4-6h.}).</li>
 * </ul>
 * Decimals and doses ({@code 2.5}, {@code 25mg} as {@code 25} {@code mg}), ratios ({@code 120/80}) and counts
 * ({@code x3}) are as the model gives them. Thread-safe: the model is shared, a tokenizer is made per call.
 */
public final class ClinicalTokenizer {
    private static final int MAX_LIST_NUMBER_DIGITS = 2;

    private final TokenizerModel model;
    private final Abbreviations abbreviations;

    /** The tokenizer with the English model from the classpath and the built-in abbreviations. */
    public ClinicalTokenizer() {
        this(OpenNlpModels.englishTokens(), Abbreviations.standard());
    }

    public ClinicalTokenizer(TokenizerModel model, Abbreviations abbreviations) {
        this.model = model;
        this.abbreviations = abbreviations;
    }

    /** The tokens of the whole text. */
    public List<TextSpan> tokenize(String text) {
        return text == null ? List.of() : tokenize(text, new TextSpan(0, text.length()));
    }

    /** The tokens of {@code text} inside {@code range}, as spans of {@code text}, in order. */
    public List<TextSpan> tokenize(String text, TextSpan range) {
        if (text == null || range.end() <= range.start()) {
            return List.of();
        }
        Span[] pieces = new TokenizerME(model).tokenizePos(text.substring(range.start(), range.end()));
        List<TextSpan> tokens = new ArrayList<>(pieces.length);
        for (Span piece : pieces) {
            int start = range.start() + piece.getStart();
            int end = range.start() + piece.getEnd();
            TextSpan previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            boolean touching = previous != null && previous.end() == start;
            if (touching && (isNumberRange(text, start) || isPeriod(text, start, end)
                    && (keepsPeriod(text, start) || isListNumber(text, previous, tokens.size(), end)))) {
                tokens.set(tokens.size() - 1, new TextSpan(previous.start(), end));
            } else {
                tokens.add(new TextSpan(start, end));
            }
        }
        return List.copyOf(tokens);
    }

    /** The token strings of the whole text (for bag-of-words models). */
    public List<String> words(String text) {
        return tokenize(text).stream().map(t -> t.of(text)).toList();
    }

    /** The model cuts {@code 1-2} and {@code q.4-6h} at the hyphen; a hyphen between digits joins. */
    private static boolean isNumberRange(String text, int boundary) {
        int hyphen = text.charAt(boundary) == '-' ? boundary : text.charAt(boundary - 1) == '-' ? boundary - 1 : -1;
        return hyphen > 0 && hyphen + 1 < text.length() && Character.isDigit(text.charAt(hyphen - 1))
                && Character.isDigit(text.charAt(hyphen + 1));
    }

    private static boolean isPeriod(String text, int start, int end) {
        return end == start + 1 && text.charAt(start) == '.';
    }

    private boolean keepsPeriod(String text, int period) {
        return abbreviations.endingAt(text, period).isPresent() || ClinicalPeriods.endsDottedAbbreviation(text, period)
                || ClinicalPeriods.endsInitialAfterName(text, period, abbreviations);
    }

    /** {@code 1.} at the start of the span, followed by a space or the end. */
    private static boolean isListNumber(String text, TextSpan previous, int tokensSoFar, int periodEnd) {
        if (tokensSoFar != 1 || previous.end() - previous.start() > MAX_LIST_NUMBER_DIGITS) {
            return false;
        }
        for (int i = previous.start(); i < previous.end(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return periodEnd == text.length() || Character.isWhitespace(text.charAt(periodEnd));
    }
}
