package org.chartroom.core.error;

/**
 * Base of every domain error. Each subclass maps to exactly one HTTP status in the api module, and its message is
 * written for the person who can act on it (it names the setting or command that fixes the problem).
 *
 * <p>Messages must never contain PHI (report text, names, MRNs): they are logged and returned to clients.
 */
public abstract class ChartroomException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private String logSummary;

    protected ChartroomException(String message) {
        super(message);
    }

    protected ChartroomException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short, stable, machine-readable kind, used as the suffix of the problem type URI. */
    public abstract String kind();

    /**
     * Marks the message as possibly holding PHI (e.g. a query parser's message quotes the query, which may hold a
     * patient's name): the client still gets the full message, the logs get only {@code summary}.
     */
    public ChartroomException withLogSummary(String summary) {
        this.logSummary = summary;
        return this;
    }

    /** What may be written to application logs: the message, or the PHI-free summary when one was set. */
    public String logMessage() {
        return logSummary != null ? logSummary : getMessage();
    }
}
