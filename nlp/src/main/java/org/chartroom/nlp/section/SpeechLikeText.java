package org.chartroom.nlp.section;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text as a dictation transcript reads: lower case, apostrophes dropped ({@code patient's} -> {@code patients}),
 * every other run of punctuation and white space a single space, no leading or trailing space. Keeps the maps in
 * both directions between offsets of the original and of the transformed text, so that headings found in the
 * transformed text can be placed in the original, and gold offsets of the original carried over.
 *
 * <p>The spoken-heading scanner reads every text through this view, so a transcript, a punctuated draft and a typed
 * note turned speech-like by the evaluation all look the same to it. Immutable.
 */
public final class SpeechLikeText {
    private final String text;
    private final int[] toSpeech;
    private final int[] toWritten;

    private SpeechLikeText(String text, int[] toSpeech, int[] toWritten) {
        this.text = text;
        this.toSpeech = toSpeech;
        this.toWritten = toWritten;
    }

    /** Transforms {@code written}. */
    public static SpeechLikeText of(String written) {
        StringBuilder out = new StringBuilder(written.length());
        int[] map = new int[written.length() + 1];
        int[] back = new int[written.length() + 1];
        Arrays.fill(map, -1);
        boolean pendingSpace = false;
        int i = 0;
        while (i < written.length()) {
            int codePoint = written.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (Character.isLetterOrDigit(codePoint)) {
                if (pendingSpace && out.length() > 0) {
                    back[out.length()] = i;
                    out.append(' ');
                }
                pendingSpace = false;
                int lower = Character.toLowerCase(codePoint);
                if (Character.charCount(lower) != width) {
                    lower = codePoint;
                }
                for (int k = 0; k < width; k++) {
                    map[i + k] = out.length() + k;
                    back[out.length() + k] = i + k;
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
        back[out.length()] = written.length();
        return new SpeechLikeText(out.toString(), map, Arrays.copyOf(back, out.length() + 1));
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
        return toSpeech[writtenOffset];
    }

    /**
     * Where the character at {@code speechOffset} of the transformed text came from (for the space between two words,
     * where the next word starts); {@code text().length()} maps to the original's length.
     */
    public int original(int speechOffset) {
        return toWritten[speechOffset];
    }

    /** Where a span of the transformed text that ends at {@code speechEnd} (exclusive) ends in the original. */
    public int originalEnd(int speechEnd) {
        if (speechEnd <= 0) {
            return 0;
        }
        int last = toWritten[speechEnd - 1];
        return last + 1;
    }

    /** The words of the transformed text as {@code [start, end)} spans in it. */
    public List<int[]> wordSpans() {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        for (int k = 0; k <= text.length(); k++) {
            if (k == text.length() || text.charAt(k) == ' ') {
                if (k > start) {
                    spans.add(new int[] {start, k});
                }
                start = k + 1;
            }
        }
        return spans;
    }
}
