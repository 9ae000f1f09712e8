package org.chartroom.core.error;

/** The system is misconfigured or a required resource is missing; the message names the fix (HTTP 503). */
public class ConfigurationException extends ChartroomException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "configuration";
    }
}
