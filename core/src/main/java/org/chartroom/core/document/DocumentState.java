package org.chartroom.core.document;

import java.util.Locale;
import org.chartroom.core.error.InvalidInputException;

/**
 * Where a document is in its life. RECEIVED → PROCESSING → DRAFT → PENDING_SIGNATURE → SIGNED → AMENDED;
 * FAILED (with a reason) when a stage cannot finish.
 */
public enum DocumentState {
    RECEIVED,
    PROCESSING,
    DRAFT,
    PENDING_SIGNATURE,
    SIGNED,
    AMENDED,
    FAILED;

    /** True once the pipeline has finished with the document (successfully or not). */
    public boolean isSettled() {
        return this != RECEIVED && this != PROCESSING;
    }

    /** True once the author has signed: the text is final, and changes only by addenda. */
    public boolean isSigned() {
        return this == SIGNED || this == AMENDED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentState parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInputException("unknown document state; use one of received, processing, draft, "
                    + "pending_signature, signed, amended, failed");
        }
    }
}
