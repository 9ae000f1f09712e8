package org.chartroom.core.error;

/** The content has the right type but cannot be read, e.g. a corrupt PDF (HTTP 422). */
public class UnprocessableContentException extends ChartroomException {
    private static final long serialVersionUID = 1L;

    public UnprocessableContentException(String message) {
        super(message);
    }

    public UnprocessableContentException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "unprocessable-content";
    }
}
