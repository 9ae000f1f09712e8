package org.chartroom.core.error;

/**
 * A change was sent without naming the version it was made to (HTTP 428), so it could silently overwrite someone
 * else's change. The message says which header to send.
 */
public class PreconditionRequiredException extends ChartroomException {
    private static final long serialVersionUID = 1L;

    public PreconditionRequiredException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "precondition-required";
    }
}
