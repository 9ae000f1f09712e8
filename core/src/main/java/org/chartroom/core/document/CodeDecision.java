package org.chartroom.core.document;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.chartroom.core.error.InvalidInputException;

/** What a coder decided about one code of a document version. */
public enum CodeDecision {
    /** A suggested code the coder keeps. */
    ACCEPTED,
    /** A suggested code the coder turns down. */
    REJECTED,
    /** A code the coder assigned by hand (it was not suggested). */
    ADDED;

    /** Whether the code is in the final code set (accepted or added). */
    public boolean isFinal() {
        return this != REJECTED;
    }

    /** The wire form, e.g. {@code accepted}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the wire form, case-insensitively. */
    public static CodeDecision parse(String text) {
        if (text != null) {
            for (CodeDecision d : values()) {
                if (d.name().equalsIgnoreCase(text.strip())) {
                    return d;
                }
            }
        }
        throw new InvalidInputException("a code's decision must be one of "
                + Arrays.stream(values()).map(CodeDecision::code).collect(Collectors.joining(", ")));
    }
}
