package org.chartroom.core.error;

/**
 * A conditional request's condition does not hold: the client edited a version that is no longer the latest
 * (HTTP 412). The client must fetch the latest version, merge its change and try again.
 */
public class PreconditionFailedException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "precondition-failed";
    }
}
