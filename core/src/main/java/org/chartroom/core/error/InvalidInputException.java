package org.chartroom.core.error;

/** The request is malformed or a value is invalid (HTTP 400). */
public class InvalidInputException extends ChartroomException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "invalid-input";
    }
}
