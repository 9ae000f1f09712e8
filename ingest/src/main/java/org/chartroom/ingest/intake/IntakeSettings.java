package org.chartroom.ingest.intake;

import org.chartroom.ingest.ocr.OcrSettings;

/**
 * Limits applied to uploads.
 *
 * @param maxUploadBytes the largest upload accepted, in bytes (setting {@value #MAX_UPLOAD_BYTES}; default 100 MiB)
 * @param maxImagePixels the largest page of an image upload (width × height, from its header): a decompression-bomb
 *                       guard; the OCR limit {@link OcrSettings#maxPixels()}
 * @param maxImagePages  the most pages of an image upload (multi-page TIFF); the OCR limit
 *                       {@link OcrSettings#maxPages()}
 * @param maxAudioSeconds the longest dictation, where its header tells the length (WAV); the speech recognition
 *                       limit {@code CHARTROOM_ASR_MAX_SECONDS}
 */
public record IntakeSettings(long maxUploadBytes, long maxImagePixels, int maxImagePages, double maxAudioSeconds) {
    /** The default of {@link #maxAudioSeconds()}: an hour. */
    public static final double DEFAULT_MAX_AUDIO_SECONDS = 3600;

    /** The configuration key of {@link #maxUploadBytes()}, named in the error a too-large upload gets. */
    public static final String MAX_UPLOAD_BYTES = "chartroom.intake.max-upload-bytes";
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

    public IntakeSettings {
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException(MAX_UPLOAD_BYTES + " must be at least 1, not " + maxUploadBytes);
        }
        if (maxImagePixels < 1 || maxImagePages < 1) {
            throw new IllegalArgumentException("image limits must be at least 1");
        }
        if (!(maxAudioSeconds > 0)) {
            throw new IllegalArgumentException("the dictation length limit must be positive");
        }
    }

    /** Image limits as the OCR defaults, the audio limit as speech recognition's default. */
    public IntakeSettings(long maxUploadBytes) {
        this(maxUploadBytes, OcrSettings.DEFAULT_MAX_PIXELS, OcrSettings.DEFAULT_MAX_PAGES, DEFAULT_MAX_AUDIO_SECONDS);
    }

    /** Image limits as OCR's, so that intake refuses at once what recognition would refuse later. */
    public IntakeSettings withImageLimitsOf(OcrSettings ocr) {
        return new IntakeSettings(maxUploadBytes, ocr.maxPixels(), ocr.maxPages(), maxAudioSeconds);
    }

    /** The dictation length limit of speech recognition, so that intake refuses at once what it would refuse. */
    public IntakeSettings withMaxAudioSeconds(double seconds) {
        return new IntakeSettings(maxUploadBytes, maxImagePixels, maxImagePages, seconds);
    }

    public static IntakeSettings defaults() {
        return new IntakeSettings(DEFAULT_MAX_UPLOAD_BYTES);
    }
}
