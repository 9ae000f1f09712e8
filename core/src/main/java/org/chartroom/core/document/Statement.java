package org.chartroom.core.document;

import org.chartroom.core.error.InvalidInputException;

/**
 * A short statement a person makes about a record (an attestation, the reason for an addendum or for rejecting a code):
 * one line, trimmed, bounded, without control characters. The checks of a person's input, in one place.
 */
public final class Statement {
    private Statement() {
    }

    /**
     * The statement, trimmed.
     *
     * @param what  names it in the error, e.g. {@code "the attestation"}
     * @param hint  what to send instead of nothing, e.g. {@code {"reason": "…"}}
     * @throws InvalidInputException when it is blank, longer than {@code max} characters or not one line
     */
    public static String required(String what, String value, int max, String hint) {
        String text = optional(what, value, max);
        if (text.isEmpty()) {
            throw new InvalidInputException(what + " is required: send " + hint);
        }
        return text;
    }

    /** The statement, trimmed; empty when none was given. Same limits as {@link #required}. */
    public static String optional(String what, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            throw new InvalidInputException(what + " is longer than " + max + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(what + " must be one line without control characters");
        }
        return text;
    }
}
