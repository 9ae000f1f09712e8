package org.chartroom.ingest.ocr;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Tesseract's orientation detection ({@code --psm 0}) says about a page.
 *
 * @param rotate     degrees (0, 90, 180 or 270) the page must be turned clockwise to read upright
 * @param confidence Tesseract's orientation confidence, unbounded above (14–30 on typed test pages, under 2 on a
 *                   page of noise)
 */
public record PageOrientation(int rotate, double confidence) {
    private static final Pattern ROTATE = Pattern.compile("(?m)^Rotate:\\s*(\\d+)\\s*$");
    private static final Pattern CONFIDENCE = Pattern.compile("(?m)^Orientation confidence:\\s*([0-9.]+)\\s*$");

    public PageOrientation {
        if (rotate % 90 != 0 || rotate < 0 || rotate >= 360) {
            throw new IllegalArgumentException("a page turns by 0, 90, 180 or 270 degrees, not " + rotate);
        }
    }

    /** Reads Tesseract's OSD report ({@code Rotate: 90}, {@code Orientation confidence: 14.51}); empty if absent. */
    static Optional<PageOrientation> parse(String report) {
        Matcher rotate = ROTATE.matcher(report);
        Matcher confidence = CONFIDENCE.matcher(report);
        if (!rotate.find() || !confidence.find()) {
            return Optional.empty();
        }
        try {
            int degrees = Integer.parseInt(rotate.group(1));
            return degrees % 90 == 0 && degrees < 360
                    ? Optional.of(new PageOrientation(degrees, Double.parseDouble(confidence.group(1))))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
