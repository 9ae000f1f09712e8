package org.chartroom.core.error;

/**
 * Base of every domain error. Each subclass maps to exactly one HTTP status in the api module, and its message is
 * written for the person who can act on it (it names the setting or command that fixes the problem).
 *
 * <p>Messages must never contain PHI (report text, names, MRNs): they are logged and returned to clients.
 */
public abstract class ChartroomException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ChartroomException(String message) {
        super(message);
    }

    protected ChartroomException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short, stable, machine-readable kind, used as the suffix of the problem type URI. */
    public abstract String kind();
}
