package org.chartroom.core.error;

/** The detected content type cannot be processed (HTTP 415). */
public class UnsupportedMediaTypeException extends ChartroomException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaTypeException(String message) {
        super(message);
    }

    public UnsupportedMediaTypeException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "unsupported-media-type";
    }
}
