package org.chartroom.core.error;

/** The named resource does not exist (HTTP 404). */
public class NotFoundException extends ChartroomException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "not-found";
    }
}
