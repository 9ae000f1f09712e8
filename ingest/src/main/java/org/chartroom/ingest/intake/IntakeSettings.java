package org.chartroom.ingest.intake;

/**
 * Limits applied to uploads.
 *
 * @param maxUploadBytes the largest upload accepted, in bytes (setting {@value #MAX_UPLOAD_BYTES}; default 100 MiB)
 */
public record IntakeSettings(long maxUploadBytes) {
    /** The configuration key of {@link #maxUploadBytes()}, named in the error a too-large upload gets. */
    public static final String MAX_UPLOAD_BYTES = "chartroom.intake.max-upload-bytes";
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

    public IntakeSettings {
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException(MAX_UPLOAD_BYTES + " must be at least 1, not " + maxUploadBytes);
        }
    }

    public static IntakeSettings defaults() {
        return new IntakeSettings(DEFAULT_MAX_UPLOAD_BYTES);
    }
}
