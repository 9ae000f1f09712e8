package org.chartroom.ingest.ocr;

/**
 * The corrections a page may go through, in the order they are applied: the first three before Tesseract
 * ({@link Preprocessor}), orientation after a first reading that looks wrong ({@link PageReader}).
 */
public enum PreprocessingStep {
    /** {@link Resolution}: unequal resolutions (standard fax, 204 × 98 dpi) resampled to square pixels. */
    RESOLUTION("resolution"),
    /** {@link Background}: clutter away from ink (show-through, speckle) whitened. */
    BACKGROUND("background"),
    /** {@link Deskew}: tilted pages rotated straight. */
    DESKEW("deskew"),
    /** {@link Orientation}: pages read sideways or upside down turned upright and read again. */
    ORIENTATION("orientation");

    public final String label;

    PreprocessingStep(String label) {
        this.label = label;
    }
}
