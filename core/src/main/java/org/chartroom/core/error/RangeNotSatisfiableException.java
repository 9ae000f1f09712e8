package org.chartroom.core.error;

/** A byte range lies outside the file (HTTP 416); the answer tells the client the file's length. */
public class RangeNotSatisfiableException extends ChartroomException {
    private static final long serialVersionUID = 1L;

    private final long length;

    public RangeNotSatisfiableException(String message, long length) {
        super(message);
        this.length = length;
    }

    /** The length of the whole file, in bytes (for {@code Content-Range: bytes *}{@code /length}). */
    public long length() {
        return length;
    }

    @Override
    public String kind() {
        return "range-not-satisfiable";
    }
}
