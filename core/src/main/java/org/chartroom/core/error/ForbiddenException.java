package org.chartroom.core.error;

/** The user is known but may not do this (HTTP 403). */
public class ForbiddenException extends ChartroomException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "forbidden";
    }
}
