package org.chartroom.core.error;

/** The request conflicts with the current state, e.g. a stale version (HTTP 409/412). */
public class ConflictException extends ChartroomException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "conflict";
    }
}
