package org.chartroom.core.document;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One code of a coder's review: the code, its description, the decision and, optionally, why.
 *
 * @param code        the ICD-10-CM code as the code index writes it ({@code E11.9})
 * @param description its description (empty when no code index was there to give it)
 * @param decision    accepted or rejected (a suggested code), added (assigned by hand)
 * @param reason      why, in the coder's words; empty when none was given
 */
public record ReviewedCode(String code, String description, CodeDecision decision, String reason) {
    /** The longest reason accepted. */
    public static final int MAX_REASON = 500;

    /** A category (letter, digit, letter or digit), then optionally a dot and up to four more characters. */
    private static final Pattern ICD10CM = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");

    public ReviewedCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(decision, "decision");
        description = Objects.requireNonNullElse(description, "");
        reason = Objects.requireNonNullElse(reason, "");
    }

    /**
     * The code as the code index writes it: upper case, with the dot after the three-character category ({@code e119}
     * → {@code E11.9}); empty when the text cannot be an ICD-10-CM code at all.
     */
    public static Optional<String> canonical(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        if (code.length() > 3 && code.indexOf('.') < 0) {
            code = code.substring(0, 3) + "." + code.substring(3);
        }
        return ICD10CM.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
