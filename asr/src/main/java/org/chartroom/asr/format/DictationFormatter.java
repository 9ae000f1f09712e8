package org.chartroom.asr.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns recognised words into a draft as dictation software does: spoken punctuation and layout commands
 * ({@code commands.tsv}: "period", "new paragraph", "next section"…), spoken section headings ({@code headings.tsv},
 * written on their own line in capitals with a colon, so the sectionizer sees a written note), numbers and units
 * ("one twenty over eighty" → 120/80, "five milligrams" → 5 mg, "ninety eight point six" → 98.6), dates ("march
 * fourteenth twenty twenty six" → March 14, 2026), and capitals at sentence starts. Numbers below ten without a unit
 * stay words, as in a typed note. Immutable and thread-safe.
 */
public final class DictationFormatter {
    private static final String NEWLINE = "NEWLINE";
    private static final String PARAGRAPH = "PARAGRAPH";
    private static final String SECTION = "SECTION";

    private final PhraseTable commands = PhraseTable.of(RuleTable.read("commands.tsv", 2));
    private final PhraseTable headings = PhraseTable.of(RuleTable.read("headings.tsv", 2));
    private final PhraseTable units = PhraseTable.of(RuleTable.read("units.tsv", 2));
    private final Map<String, String> months = new HashMap<>();
    private final NumberWords numbers = new NumberWords();

    public DictationFormatter() {
        for (String[] row : RuleTable.read("months.tsv", 2)) {
            months.put(row[0], row[1]);
        }
    }

    NumberWords numbers() {
        return numbers;
    }

    PhraseTable units() {
        return units;
    }

    PhraseTable commands() {
        return commands;
    }

    PhraseTable headings() {
        return headings;
    }

    /** The draft of a list of spoken words (lower case, as recognisers give them). */
    public String format(List<String> spoken) {
        List<String> t = spoken.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        Draft draft = new Draft();
        boolean headingNext = false;
        int i = 0;
        while (i < t.size()) {
            Optional<PhraseTable.Match> heading = headings.longestAt(t, i);
            if (heading.isPresent()) {
                int after = i + heading.get().length();
                Optional<PhraseTable.Match> colon = commands.longestAt(t, after).filter(m -> m.value().equals(":"));
                if (headingNext || colon.isPresent()) {
                    draft.heading(heading.get().value());
                    i = after + colon.map(PhraseTable.Match::length).orElse(0);
                    headingNext = false;
                    continue;
                }
            }
            Optional<PhraseTable.Match> command = commands.longestAt(t, i);
            if (command.isPresent()) {
                String action = command.get().value();
                switch (action) {
                    case NEWLINE -> draft.newLine();
                    case PARAGRAPH -> draft.paragraph();
                    case SECTION -> {
                        draft.paragraph();
                        headingNext = true;
                    }
                    default -> draft.punctuation(action);
                }
                i += command.get().length();
                continue;
            }
            headingNext = false;
            int used = date(t, i, draft);
            if (used == 0) {
                used = number(t, i, draft);
            }
            if (used == 0) {
                draft.word(t.get(i));
                used = 1;
            }
            i += used;
        }
        return draft.text();
    }

    /** "march fourteenth [twenty twenty six]" → "March 14[, 2026]"; returns the words used (0: not a date). */
    private int date(List<String> t, int i, Draft draft) {
        String month = months.get(t.get(i));
        if (month == null || i + 1 >= t.size()) {
            return 0;
        }
        int j = i + 1;
        long day;
        Optional<Long> ordinal = numbers.ordinal(t.get(j));
        Optional<NumberWords.Reading> tens = numbers.belowHundred(t, j);
        if (ordinal.isPresent()) {
            day = ordinal.get();
            j++;
        } else if (tens.isPresent() && tens.get().length() == 1 && j + 1 < t.size()
                && numbers.ordinal(t.get(j + 1)).filter(o -> o < 10).isPresent()) {
            day = tens.get().value() + numbers.ordinal(t.get(j + 1)).get();  // "twenty first"
            j += 2;
        } else if (tens.isPresent() && tens.get().value() <= 31) {
            day = tens.get().value();
            j += tens.get().length();
        } else {
            return 0;
        }
        if (day < 1 || day > 31) {
            return 0;
        }
        StringBuilder text = new StringBuilder(month).append(' ').append(day);
        Optional<NumberWords.Reading> year = numbers.year(t, j);
        if (year.isPresent()) {
            text.append(", ").append(year.get().value());
            j += year.get().length();
        }
        draft.word(text.toString());
        return j - i;
    }

    /** A number with its decimals, "over" reading and unit; returns the words used (0: leave the words be). */
    private int number(List<String> t, int i, Draft draft) {
        StringBuilder text = new StringBuilder();
        int j = i;
        boolean written = false;
        if (t.get(i).equals("point")) {
            int[] used = new int[1];
            String digits = numbers.digitsAfterPoint(t, i + 1, used);
            if (digits.isEmpty()) {
                return 0;
            }
            text.append("0.").append(digits);
            j = i + 1 + used[0];
            written = true;
        } else {
            Optional<NumberWords.Reading> c = numbers.cardinal(t, i);
            if (c.isEmpty()) {
                return 0;
            }
            text.append(c.get().value());
            j = i + c.get().length();
            written = c.get().value() >= 10;
            if (j < t.size() && t.get(j).equals("point")) {
                int[] used = new int[1];
                String digits = numbers.digitsAfterPoint(t, j + 1, used);
                if (!digits.isEmpty()) {
                    text.append('.').append(digits);
                    j += 1 + used[0];
                    written = true;
                }
            }
            if (j < t.size() && t.get(j).equals("over")) {
                Optional<NumberWords.Reading> below = numbers.cardinal(t, j + 1);
                if (below.isPresent()) {
                    text.append('/').append(below.get().value());
                    j += 1 + below.get().length();
                    written = true;
                }
            }
        }
        Optional<PhraseTable.Match> unit = units.longestAt(t, j);
        if (unit.isPresent()) {
            text.append(unit.get().value().equals("%") ? "" : " ").append(unit.get().value());
            j += unit.get().length();
            written = true;
        }
        if (!written) {
            return 0;
        }
        draft.word(text.toString());
        return j - i;
    }

    /** The text being written, with the spacing and capitalisation rules of a typed note. */
    private static final class Draft {
        private final StringBuilder out = new StringBuilder();
        private boolean capitalize = true;

        void word(String w) {
            char last = out.length() == 0 ? '\n' : out.charAt(out.length() - 1);
            if (last != '\n' && last != ' ' && last != '(' && last != '/') {
                out.append(' ');
            }
            String text = w.equals("i") ? "I" : w;
            if (capitalize && !text.isEmpty()) {
                text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
            }
            out.append(text);
            capitalize = false;
        }

        void punctuation(String p) {
            trimSpaces();
            if (p.equals("(")) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append(' ');
                }
                out.append('(');
                return;
            }
            out.append(p);
            if (p.equals(".") || p.equals("?") || p.equals("!")) {
                capitalize = true;
            }
        }

        void newLine() {
            trimSpaces();
            if (out.length() > 0) {
                out.append('\n');
            }
            capitalize = true;
        }

        void paragraph() {
            trimSpaces();
            if (out.length() > 0) {
                while (!out.toString().endsWith("\n\n")) {
                    out.append('\n');
                }
            }
            capitalize = true;
        }

        void heading(String written) {
            paragraph();
            out.append(written).append(':');
            out.append(' ');
            capitalize = true;
        }

        private void trimSpaces() {
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
        }

        String text() {
            trimSpaces();
            return out.toString().strip();
        }
    }

    /** Spoken phrases (sequences of words) and what they stand for; the longest match wins. */
    static final class PhraseTable {
        record Match(String value, int length) {
        }

        private final Map<String, String> phrases = new HashMap<>();
        private final List<String[]> rows = new ArrayList<>();
        private int longest;

        static PhraseTable of(List<String[]> rows) {
            PhraseTable table = new PhraseTable();
            for (String[] row : rows) {
                table.phrases.putIfAbsent(row[0], row[1]);
                table.rows.add(row);
                table.longest = Math.max(table.longest, row[0].split(" ").length);
            }
            return table;
        }

        List<String[]> rows() {
            return rows;
        }

        Optional<Match> longestAt(List<String> words, int i) {
            for (int n = Math.min(longest, words.size() - i); n >= 1; n--) {
                String value = phrases.get(String.join(" ", words.subList(i, i + n)));
                if (value != null) {
                    return Optional.of(new Match(value, n));
                }
            }
            return Optional.empty();
        }
    }
}
