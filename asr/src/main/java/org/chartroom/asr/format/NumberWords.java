package org.chartroom.asr.format;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spoken numbers both ways, from the word table {@code numbers.tsv}: reads "one hundred twenty", "one twenty" (the
 * way readings are dictated: 120), "ninety eight point six", "nineteen ninety nine" (a year) as values, and speaks a
 * value as words. Immutable and thread-safe.
 */
public final class NumberWords {
    enum Kind { UNIT, TEEN, TENS, HUNDRED, THOUSAND, ORDINAL }

    record Entry(long value, Kind kind) {
    }

    /** A number read from the words at some position: its value and how many words it took. */
    public record Reading(long value, int length) {
    }

    private final Map<String, Entry> words = new HashMap<>();
    private final Map<Long, String> cardinalNames = new HashMap<>();

    public NumberWords() {
        for (String[] row : RuleTable.read("numbers.tsv", 3)) {
            Entry e = new Entry(Long.parseLong(row[1]), Kind.valueOf(row[2].toUpperCase(java.util.Locale.ROOT)));
            words.put(row[0], e);
            if (e.kind() != Kind.ORDINAL && !row[0].equals("oh")) {
                cardinalNames.putIfAbsent(e.value(), row[0]);
            }
        }
    }

    boolean isNumberWord(String w) {
        return words.containsKey(w);
    }

    /** The value of an ordinal word ("fourteenth" → 14), if it is one. */
    Optional<Long> ordinal(String w) {
        Entry e = words.get(w);
        return e != null && e.kind() == Kind.ORDINAL ? Optional.of(e.value()) : Optional.empty();
    }

    private Kind kind(List<String> t, int i) {
        if (i >= t.size()) {
            return null;
        }
        Entry e = words.get(t.get(i));
        return e == null ? null : e.kind();
    }

    private long value(List<String> t, int i) {
        return words.get(t.get(i)).value();
    }

    /** 1–99 as words: "forty five", "twelve", "seven" (not "oh": that is a digit, never a number on its own). */
    Optional<Reading> belowHundred(List<String> t, int i) {
        Kind k = kind(t, i);
        if (k == Kind.TENS) {
            if (kind(t, i + 1) == Kind.UNIT && value(t, i + 1) > 0) {
                return Optional.of(new Reading(value(t, i) + value(t, i + 1), 2));
            }
            return Optional.of(new Reading(value(t, i), 1));
        }
        if (k == Kind.TEEN || (k == Kind.UNIT && !t.get(i).equals("oh"))) {
            return Optional.of(new Reading(value(t, i), 1));
        }
        return Optional.empty();
    }

    /** Below a thousand: "three hundred and five", "one twenty" (a unit then tens or a teen: 120), "forty". */
    Optional<Reading> belowThousand(List<String> t, int i) {
        if (kind(t, i) == Kind.UNIT && kind(t, i + 1) == Kind.HUNDRED) {
            long v = value(t, i) * 100;
            int j = i + 2;
            int and = j < t.size() && t.get(j).equals("and") && belowHundred(t, j + 1).isPresent() ? 1 : 0;
            Optional<Reading> rest = belowHundred(t, j + and);
            return Optional.of(rest.map(r -> new Reading(v + r.value(), 2 + and + r.length()))
                    .orElse(new Reading(v, 2)));
        }
        if (kind(t, i) == Kind.UNIT && value(t, i) > 0
                && (kind(t, i + 1) == Kind.TENS || kind(t, i + 1) == Kind.TEEN)) {
            Reading rest = belowHundred(t, i + 1).orElseThrow();
            return Optional.of(new Reading(value(t, i) * 100 + rest.value(), 1 + rest.length()));
        }
        return belowHundred(t, i);
    }

    /** A cardinal up to 999,999: "two thousand twenty six", "one hundred twenty", "one twenty". */
    public Optional<Reading> cardinal(List<String> t, int i) {
        Optional<Reading> head = belowThousand(t, i);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Reading h = head.get();
        if (kind(t, i + h.length()) == Kind.THOUSAND) {
            long v = h.value() * 1000;
            int len = h.length() + 1;
            Optional<Reading> rest = belowThousand(t, i + len);
            return Optional.of(rest.map(r -> new Reading(v + r.value(), len + r.length())).orElse(new Reading(v, len)));
        }
        return head;
    }

    /** A year: "nineteen ninety nine", "twenty twenty six", "twenty oh five", or a cardinal 1000–2999. */
    public Optional<Reading> year(List<String> t, int i) {
        Optional<Reading> c = cardinal(t, i);
        if (c.isPresent() && c.get().value() >= 1000 && c.get().value() < 3000) {
            return c;
        }
        Kind first = kind(t, i);
        if ((first == Kind.TEEN || first == Kind.TENS) && kind(t, i + 1) != Kind.UNIT) {
            long century = value(t, i);
            if ("oh".equals(i + 1 < t.size() ? t.get(i + 1) : null) && kind(t, i + 2) == Kind.UNIT) {
                return Optional.of(new Reading(century * 100 + value(t, i + 2), 3));
            }
            Optional<Reading> rest = belowHundred(t, i + 1).filter(r -> r.value() >= 10);
            if (rest.isPresent()) {
                return Optional.of(new Reading(century * 100 + rest.get().value(), 1 + rest.get().length()));
            }
        }
        return Optional.empty();
    }

    /** Digits after "point", one word each: "six" → "6", "oh five" → "05". */
    String digitsAfterPoint(List<String> t, int i, int[] consumed) {
        StringBuilder digits = new StringBuilder();
        int j = i;
        while (kind(t, j) == Kind.UNIT) {
            digits.append(value(t, j));
            j++;
        }
        consumed[0] = j - i;
        return digits.toString();
    }

    /** Speaks a non-negative integer below a million: 120 → "one hundred twenty". */
    public String speak(long n) {
        if (n < 0 || n >= 1_000_000) {
            throw new IllegalArgumentException("only 0–999,999 are spoken");
        }
        if (n == 0) {
            return cardinalNames.get(0L);
        }
        StringBuilder out = new StringBuilder();
        if (n >= 1000) {
            out.append(speakBelowThousand(n / 1000)).append(' ').append(cardinalNames.get(1000L));
            n %= 1000;
        }
        if (n > 0) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(speakBelowThousand(n));
        }
        return out.toString();
    }

    /** Speaks a reading as dictated: 100–199 as "one twenty", "one oh five"; otherwise as {@link #speak}. */
    public String speakReading(long n) {
        if (n >= 110 && n < 200) {
            return cardinalNames.get(1L) + " " + speak(n - 100);
        }
        return speak(n);
    }

    private String speakBelowThousand(long n) {
        StringBuilder out = new StringBuilder();
        if (n >= 100) {
            out.append(cardinalNames.get(n / 100)).append(' ').append(cardinalNames.get(100L));
            n %= 100;
        }
        if (n > 0) {
            if (out.length() > 0) {
                out.append(' ');
            }
            if (n < 20 || n % 10 == 0) {
                out.append(cardinalNames.get(n));
            } else {
                out.append(cardinalNames.get(n - n % 10)).append(' ').append(cardinalNames.get(n % 10));
            }
        }
        return out.toString();
    }
}
