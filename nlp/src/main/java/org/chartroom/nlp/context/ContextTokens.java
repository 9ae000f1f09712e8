package org.chartroom.nlp.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The word tokens ConText matches triggers on: runs of letters and digits (with an inner apostrophe, "doesn't"),
 * and every other non-space character as a token of its own. Lower case; offsets refer to the original text.
 */
public final class ContextTokens {
    private ContextTokens() {
    }

    /** A token and where it is. */
    public record Token(String word, int start, int end) {
    }

    public static List<Token> of(String text) {
        return of(text, 0, text.length());
    }

    /** The tokens of {@code text[from, to)}. */
    public static List<Token> of(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < to && (Character.isLetterOrDigit(text.charAt(j))
                        || (isApostrophe(text.charAt(j)) && j + 1 < to && Character.isLetter(text.charAt(j + 1))))) {
                    j++;
                }
                tokens.add(new Token(text.substring(i, j).toLowerCase(Locale.ROOT).replace('\u2019', '\''), i, j));
                i = j;
            } else {
                tokens.add(new Token(String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }
}
