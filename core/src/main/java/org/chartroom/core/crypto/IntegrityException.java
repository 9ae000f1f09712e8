package org.chartroom.core.crypto;

import java.io.IOException;

/**
 * Encrypted data failed its integrity check: it was damaged, truncated, reordered or altered. An I/O failure of the
 * storage in effect; the message never quotes the data.
 */
public class IntegrityException extends IOException {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
