package org.chartroom.ingest.ocr;

/** The preprocessing steps a page may go through before Tesseract, in the order they are applied. */
public enum PreprocessingStep {
    /** {@link Resolution}: unequal resolutions (standard fax, 204 × 98 dpi) resampled to square pixels. */
    RESOLUTION("resolution"),
    /** {@link Background}: clutter away from ink (show-through, speckle) whitened. */
    BACKGROUND("background"),
    /** {@link Deskew}: tilted pages rotated straight. */
    DESKEW("deskew");

    public final String label;

    PreprocessingStep(String label) {
        this.label = label;
    }
}
