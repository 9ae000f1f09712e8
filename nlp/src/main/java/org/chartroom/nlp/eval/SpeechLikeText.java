package org.chartroom.nlp.eval;

import java.util.Arrays;

/**
 * A written report turned into what a dictation transcript looks like: lower case, apostrophes dropped
 * ({@code patient's} -> {@code patients}), every other run of punctuation and white space a single space, no
 * leading or trailing space. Keeps the map from original char offsets to offsets in the transformed text, so that
 * gold header offsets can be carried over.
 */
public final class SpeechLikeText {
    private final String text;
    private final int[] offsetMap;

    private SpeechLikeText(String text, int[] offsetMap) {
        this.text = text;
        this.offsetMap = offsetMap;
    }

    /** Transforms {@code written}. */
    public static SpeechLikeText of(String written) {
        StringBuilder out = new StringBuilder(written.length());
        int[] map = new int[written.length() + 1];
        Arrays.fill(map, -1);
        boolean pendingSpace = false;
        int i = 0;
        while (i < written.length()) {
            int codePoint = written.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (Character.isLetterOrDigit(codePoint)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                int lower = Character.toLowerCase(codePoint);
                if (Character.charCount(lower) != width) {
                    lower = codePoint;
                }
                for (int k = 0; k < width; k++) {
                    map[i + k] = out.length() + k;
                }
                out.appendCodePoint(lower);
            } else if (codePoint != '\'' && codePoint != '\u2019') {
                pendingSpace = true;
            }
            i += width;
        }
        int next = out.length();
        map[written.length()] = next;
        for (int k = written.length() - 1; k >= 0; k--) {
            if (map[k] < 0) {
                map[k] = next;
            } else {
                next = map[k];
            }
        }
        return new SpeechLikeText(out.toString(), map);
    }

    /** The transformed text. */
    public String text() {
        return text;
    }

    /**
     * Where the character at {@code writtenOffset} of the original went: its own offset when it was kept, otherwise
     * the offset of the next kept character (or the end).
     */
    public int map(int writtenOffset) {
        return offsetMap[writtenOffset];
    }
}
