package org.chartroom.nlp.sentence;

import java.util.regex.Pattern;

import org.chartroom.nlp.rules.Abbreviations;

/**
 * Periods that end a word rather than a sentence, beyond the listed abbreviations: dotted dosing abbreviations the
 * list lacks ({@code q.4-6h.}, {@code q.12h.}) and a person's initials after a title ({@code Dr. A. B. Smith}).
 * Shared by the sentence splitter and the tokenizer so that both read a period the same way.
 */
final class ClinicalPeriods {
    /** Letters, then one or more dotted parts: {@code p.o}, {@code q.12h}, {@code q.4-6h}. */
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z]{1,3}(\\.[A-Za-z0-9-]{1,5})+");
    private static final int MAX_WORD = 16;

    private ClinicalPeriods() {
    }

    /** Whether the word before the period at {@code period} is a dotted abbreviation ({@code q.12h}). */
    static boolean endsDottedAbbreviation(CharSequence text, int period) {
        int start = wordStart(text, period);
        return start < period && DOTTED.matcher(text.subSequence(start, period)).matches();
    }

    /** Whether the period at {@code period} ends an initial ({@code A.}) that follows a title or another initial. */
    static boolean endsInitialAfterName(CharSequence text, int period, Abbreviations abbreviations) {
        int start = wordStart(text, period);
        if (period - start != 1 || !Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        int before = start - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        if (before < 0 || before == start - 1 || text.charAt(before) != '.') {
            return false;
        }
        return abbreviations.isTitleEndingAt(text, before) || endsInitialAfterName(text, before, abbreviations)
                || before >= 1 && wordStart(text, before) == before - 1
                && Character.isUpperCase(text.charAt(before - 1));
    }

    private static int wordStart(CharSequence text, int end) {
        int start = end;
        while (start > 0 && end - start < MAX_WORD && !Character.isWhitespace(text.charAt(start - 1))
                && text.charAt(start - 1) != '(') {
            start--;
        }
        return start;
    }
}
