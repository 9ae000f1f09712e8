package org.chartroom.nlp.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chartroom.nlp.rules.Abbreviations;
import org.chartroom.nlp.section.HeaderCandidate.Placement;

/**
 * Finds written section headers: a label ending in a colon.
 *
 * <ul>
 *   <li>An upper-case phrase (A-Z, digits, space, {@code / & ( ) - ' # +}, and {@code ", "} between upper-case
 *       pieces) ending in {@code :}, at the start of the text or of a line (a newline, or a comma standing for a
 *       replaced newline, as in MTSamples), or inline after {@code ". "}, {@code ": "} or {@code ;}.</li>
 *   <li>A leading list number or bullet is not part of the header ({@code 1.  PREOPERATIVE DIAGNOSIS:} starts at P).</li>
 *   <li>Not headers: ratios and times ({@code ANA 1:40}, {@code 10:30}), a name after a title ({@code Dr. XYZ:}),
 *       an upper-case phrase that follows lower-case words on its line.</li>
 *   <li>A header wrapped over a line break after a joining word is one header ({@code ASSESSMENT AND ,PLAN:}).</li>
 *   <li>Mixed-case labels ({@code History of Present Illness:}, {@code Plan:}, {@code PMH:}) are headers only at the
 *       start of the text or of a real line, and only when the vocabulary knows them: inside a line, or after a
 *       comma, a mixed-case label is an exam finding label ({@code Lungs:}), not a section.</li>
 * </ul>
 * Thread-safe; linear in the text length.
 */
public final class WrittenHeaderScanner {
    /** Longer runs are prose in capitals, not headers. */
    static final int MAX_HEADER_CHARS = 120;
    private static final int MAX_MIXED_CASE_CHARS = 60;
    private static final int MAX_MIXED_CASE_WORDS = 6;
    private static final Set<String> JOINING_WORDS = Set.of("AND", "OF", "OR", "FOR", "TO", "WITH", "IN", "ON",
            "THE", "AT", "&", "/");

    private final HeaderVocabulary vocabulary;
    private final Abbreviations abbreviations;

    public WrittenHeaderScanner(HeaderVocabulary vocabulary, Abbreviations abbreviations) {
        this.vocabulary = vocabulary;
        this.abbreviations = abbreviations;
    }

    /** The headers of {@code text}, in order, non-overlapping. */
    public List<HeaderCandidate> scan(String text) {
        List<HeaderCandidate> found = new ArrayList<>();
        int lastEnd = 0;
        for (int colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
            HeaderCandidate candidate = upperCaseHeader(text, colon);
            if (candidate == null) {
                candidate = mixedCaseHeader(text, colon);
            }
            if (candidate != null && candidate.start() >= lastEnd) {
                found.add(candidate);
                lastEnd = candidate.bodyStart();
            }
        }
        return found;
    }

    private HeaderCandidate upperCaseHeader(String text, int colon) {
        if (isRatioOrTime(text, colon)) {
            return null;
        }
        int end = trimSpacesBack(text, colon);
        if (end == 0 || !isHeaderEndChar(text.charAt(end - 1))) {
            return null;
        }
        int i = end - 1;
        while (i >= 0) {
            char c = text.charAt(i);
            if (isUpperHeaderChar(c) || isCommaInsideHeader(text, i)) {
                i--;
            } else {
                break;
            }
            if (end - i > MAX_HEADER_CHARS) {
                return null;
            }
        }
        int start = skipListMarkers(text, skipSpaces(text, i + 1, end), end);
        if (start >= end || !isUpperLetter(text.charAt(start))) {
            return null;
        }
        Placement placement = boundaryBefore(text, start);
        if (placement == null) {
            return null;
        }
        if (placement == Placement.LINE_START) {
            start = joinWrappedLine(text, start);
        }
        return new HeaderCandidate(start, end, colon + 1, placement);
    }

    private HeaderCandidate mixedCaseHeader(String text, int colon) {
        int end = trimSpacesBack(text, colon);
        if (end == 0 || !Character.isLetterOrDigit(text.charAt(end - 1))) {
            return null;
        }
        int i = end - 1;
        while (i >= 0 && end - i <= MAX_MIXED_CASE_CHARS && isMixedHeaderChar(text.charAt(i))) {
            i--;
        }
        if (end - i > MAX_MIXED_CASE_CHARS) {
            return null;
        }
        int start = skipListMarkers(text, skipSpaces(text, i + 1, end), end);
        if (start >= end || !Character.isUpperCase(text.charAt(start)) || !isRealLineStart(text, start)) {
            return null;
        }
        String header = text.substring(start, end);
        if (header.split(" +").length > MAX_MIXED_CASE_WORDS || !vocabulary.knows(header)) {
            return null;
        }
        return new HeaderCandidate(start, end, colon + 1, Placement.LINE_START);
    }

    /** {@code 1:40}, {@code 10:30}: a digit on both sides of the colon. */
    private static boolean isRatioOrTime(String text, int colon) {
        return colon > 0 && colon + 1 < text.length()
                && Character.isDigit(text.charAt(colon - 1)) && Character.isDigit(text.charAt(colon + 1));
    }

    /**
     * Whether a header may start at {@code start}, and how it stands: at a line start (text start, newline, comma)
     * or inline (after {@code ". "}, {@code ": "}, {@code ;}). Null when it may not.
     */
    private Placement boundaryBefore(String text, int start) {
        int j = start - 1;
        while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j--;
        }
        if (j < 0) {
            return Placement.LINE_START;
        }
        boolean gap = j < start - 1;
        char c = text.charAt(j);
        switch (c) {
            case '\n', '\r', ',', '\u2022' -> {
                return Placement.LINE_START;
            }
            case ';' -> {
                return Placement.INLINE;
            }
            case ':' -> {
                return gap ? Placement.INLINE : null;
            }
            case '.' -> {
                if (!gap || abbreviations.isTitleEndingAt(text, j)) {
                    return null;
                }
                return isListNumberAtLineStart(text, j) ? Placement.LINE_START : Placement.INLINE;
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code ",1.  "}: the period at {@code period} ends a list number that stands at a line start. */
    private static boolean isListNumberAtLineStart(String text, int period) {
        int k = period - 1;
        while (k >= 0 && Character.isDigit(text.charAt(k)) && period - k <= 3) {
            k--;
        }
        if (k == period - 1) {
            return false;
        }
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        return k < 0 || text.charAt(k) == ',' || text.charAt(k) == '\n' || text.charAt(k) == '\r';
    }

    /** Text start or after a newline (spaces, tabs and list markers allowed in between). */
    private static boolean isRealLineStart(String text, int start) {
        int j = start - 1;
        while (j >= 0) {
            char c = text.charAt(j);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c == ' ' || c == '\t' || c == '.' || c == ')' || c == '-' || c == '*' || c == '\u2022'
                    || Character.isDigit(c)) {
                j--;
                continue;
            }
            return false;
        }
        return true;
    }

    /**
     * A header wrapped onto a new line after a joining word ({@code ASSESSMENT AND ,PLAN}) starts at the wrapped
     * part, when that part itself stands at a header boundary.
     */
    private int joinWrappedLine(String text, int start) {
        int j = start - 1;
        while (j >= 0 && text.charAt(j) == ' ') {
            j--;
        }
        if (j < 1 || (text.charAt(j) != ',' && text.charAt(j) != '\n')) {
            return start;
        }
        int fragmentEnd = trimSpacesBack(text, j);
        int i = fragmentEnd - 1;
        while (i >= 0 && isUpperHeaderChar(text.charAt(i)) && fragmentEnd - i <= MAX_HEADER_CHARS) {
            i--;
        }
        int fragmentStart = skipSpaces(text, i + 1, fragmentEnd);
        if (fragmentStart >= fragmentEnd || !isUpperLetter(text.charAt(fragmentStart))) {
            return start;
        }
        String fragment = text.substring(fragmentStart, fragmentEnd);
        int lastSpace = fragment.lastIndexOf(' ');
        String lastWord = fragment.substring(lastSpace + 1);
        boolean endsWithJoiner = JOINING_WORDS.contains(lastWord) || fragment.endsWith("/") || fragment.endsWith("&");
        if (!endsWithJoiner || lastSpace < 0 && lastWord.length() <= 3) {
            return start;
        }
        return boundaryBefore(text, fragmentStart) != null ? fragmentStart : start;
    }

    private static int skipListMarkers(String text, int start, int end) {
        int s = start;
        while (s < end) {
            char c = text.charAt(s);
            if (isUpperLetter(c)) {
                return s;
            }
            int k = s;
            if (c == '(') {
                k++;
            }
            int digits = k;
            while (k < end && Character.isDigit(text.charAt(k)) && k - digits < 3) {
                k++;
            }
            boolean numbered = k > digits && k < end && (text.charAt(k) == ')' || text.charAt(k) == '.');
            boolean bullet = c == '-' || c == '+' || c == '*' || c == '\u2022';
            if (numbered) {
                k++;
            } else if (bullet) {
                k = s + 1;
            } else {
                return s;
            }
            if (k >= end || text.charAt(k) != ' ') {
                return s;
            }
            s = skipSpaces(text, k, end);
        }
        return s;
    }

    private static int trimSpacesBack(String text, int end) {
        int e = end;
        while (e > 0 && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) {
            e--;
        }
        return e;
    }

    private static int skipSpaces(String text, int from, int end) {
        int s = from;
        while (s < end && (text.charAt(s) == ' ' || text.charAt(s) == '\t')) {
            s++;
        }
        return s;
    }

    /** {@code ", "} between upper-case pieces is a real comma, part of the header ({@code EARS, NOSE AND THROAT}). */
    private static boolean isCommaInsideHeader(String text, int i) {
        return text.charAt(i) == ',' && i > 0 && i + 2 < text.length() && text.charAt(i + 1) == ' '
                && isUpperLetterOrDigit(text.charAt(i + 2)) && text.charAt(i - 1) != ' '
                && isUpperHeaderChar(text.charAt(i - 1));
    }

    static boolean isUpperLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isUpperLetterOrDigit(char c) {
        return isUpperLetter(c) || c >= '0' && c <= '9';
    }

    static boolean isUpperHeaderChar(char c) {
        return isUpperLetterOrDigit(c) || c == ' ' || c == '/' || c == '&' || c == '(' || c == ')' || c == '-'
                || c == '\'' || c == '#' || c == '+';
    }

    private static boolean isHeaderEndChar(char c) {
        return isUpperLetterOrDigit(c) || c == ')' || c == '#' || c == '\'';
    }

    private static boolean isMixedHeaderChar(char c) {
        return c >= 'a' && c <= 'z' || isUpperHeaderChar(c);
    }
}
