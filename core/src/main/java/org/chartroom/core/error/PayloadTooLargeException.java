package org.chartroom.core.error;

/** An upload exceeds a configured size limit (HTTP 413). */
public class PayloadTooLargeException extends ChartroomException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(String message) {
        super(message);
    }

    public PayloadTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "payload-too-large";
    }
}
