package org.chartroom.nlp.rules;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.chartroom.core.error.ConfigurationException;

/**
 * Abbreviations written with a period (resource {@code abbreviations.tsv}): courtesy titles ({@code Dr.}), which
 * never end a sentence and make {@code Dr. XYZ:} a name rather than a header, and clinical abbreviations
 * ({@code b.i.d.}, {@code p.o.}), which end a sentence only before an upper-case word. Immutable and thread-safe.
 */
public final class Abbreviations {
    /** What an abbreviation is. */
    public enum Kind {
        TITLE, CLINICAL
    }

    private static final class Standard {
        static final Abbreviations INSTANCE = new Abbreviations(RuleFile.readResource("abbreviations.tsv"));
    }

    private final Map<String, Kind> byLowerCase;

    Abbreviations(List<RuleLine> lines) {
        Map<String, Kind> map = new HashMap<>();
        for (RuleLine line : lines) {
            String abbreviation = line.field(0).toLowerCase(Locale.ROOT);
            Kind kind;
            try {
                kind = Kind.valueOf(line.field(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("unknown abbreviation kind at " + line.where()
                        + "; use 'title' or 'clinical'", e);
            }
            if (!abbreviation.endsWith(".")) {
                throw new ConfigurationException("an abbreviation must end with its period at " + line.where());
            }
            map.put(abbreviation, kind);
        }
        this.byLowerCase = Collections.unmodifiableMap(map);
    }

    /** The list that ships with Chartroom (loaded once). */
    public static Abbreviations standard() {
        return Standard.INSTANCE;
    }

    /**
     * The kind of the abbreviation that ends at {@code periodIndex} (the index of its final period) in {@code text}:
     * the token is read back to the previous whitespace or opening bracket.
     */
    public Optional<Kind> endingAt(CharSequence text, int periodIndex) {
        if (periodIndex < 0 || periodIndex >= text.length() || text.charAt(periodIndex) != '.') {
            return Optional.empty();
        }
        int start = periodIndex;
        while (start > 0 && periodIndex - start < 12) {
            char c = text.charAt(start - 1);
            if (Character.isWhitespace(c) || c == '(' || c == '[' || c == ',' || c == '"') {
                break;
            }
            start--;
        }
        if (start == periodIndex) {
            return Optional.empty();
        }
        String token = text.subSequence(start, periodIndex + 1).toString().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(byLowerCase.get(token));
    }

    public boolean isTitleEndingAt(CharSequence text, int periodIndex) {
        return endingAt(text, periodIndex).orElse(null) == Kind.TITLE;
    }
}
