package org.chartroom.ingest.ocr;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How scanned pages are recognised.
 *
 * @param threads          pages recognised at once, across all documents (each a single-threaded Tesseract
 *                         process); default: the number of cores
 * @param pageTimeout      the longest one page may take; a page that takes longer is reported as failed and the
 *                         others are kept (default 120 s)
 * @param maxPages         the most pages of one document that may need OCR; a document with more is FAILED
 *                         (default 500)
 * @param maxPixels        the largest image (width × height) a page may decode to, checked from the header before
 *                         decoding: a guard against decompression bombs (default 150 million: a letter page
 *                         at 1,200 dpi is 135 million)
 * @param renderDpi        the resolution PDF pages without a text layer are rendered at (default 300)
 * @param preprocessing    the {@link Preprocessor} steps switched on (default: all; each runs only on pages that
 *                         need it); {@code chartroom bench ocr} measures each one's gain by switching it off
 * @param command          the Tesseract executable (default {@code tesseract}, found on the PATH)
 * @param language         Tesseract's language (default {@code eng}; Debian package {@code tesseract-ocr-eng})
 * @param extraOptions     further {@code -c name=value} options passed to Tesseract, e.g. its thresholding method
 */
public record OcrSettings(int threads, Duration pageTimeout, int maxPages, long maxPixels, int renderDpi,
                          Set<PreprocessingStep> preprocessing, String command, String language,
                          List<String> extraOptions) {
    public static final String THREADS = "CHARTROOM_OCR_THREADS";
    public static final String PAGE_TIMEOUT = "CHARTROOM_OCR_PAGE_TIMEOUT_S";
    public static final String MAX_PAGES = "CHARTROOM_OCR_MAX_PAGES";
    public static final String MAX_PIXELS = "CHARTROOM_OCR_MAX_PIXELS";
    public static final String TESSERACT = "CHARTROOM_TESSERACT";

    public static final Duration DEFAULT_PAGE_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_PAGES = 500;
    public static final long DEFAULT_MAX_PIXELS = 150_000_000L;
    public static final int DEFAULT_DPI = 300;

    public OcrSettings {
        if (threads < 1) {
            throw new IllegalArgumentException(THREADS + " must be at least 1, not " + threads);
        }
        if (pageTimeout.isNegative() || pageTimeout.isZero()) {
            throw new IllegalArgumentException(PAGE_TIMEOUT + " must be positive, not " + pageTimeout);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException(MAX_PAGES + " must be at least 1, not " + maxPages);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException(MAX_PIXELS + " must be at least 1, not " + maxPixels);
        }
        if (renderDpi < 72 || renderDpi > 1200) {
            throw new IllegalArgumentException("the OCR rendering resolution must be 72 to 1200 dpi, not " + renderDpi);
        }
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(language, "language");
        extraOptions = List.copyOf(extraOptions);
        preprocessing = preprocessing.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(PreprocessingStep.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(preprocessing));
    }

    public static OcrSettings defaults() {
        return new OcrSettings(Runtime.getRuntime().availableProcessors(), DEFAULT_PAGE_TIMEOUT, DEFAULT_MAX_PAGES,
                DEFAULT_MAX_PIXELS, DEFAULT_DPI, EnumSet.allOf(PreprocessingStep.class), "tesseract", "eng", List.of());
    }

    public OcrSettings withThreads(int n) {
        return new OcrSettings(n, pageTimeout, maxPages, maxPixels, renderDpi, preprocessing, command, language,
                extraOptions);
    }

    public OcrSettings withPageTimeout(Duration timeout) {
        return new OcrSettings(threads, timeout, maxPages, maxPixels, renderDpi, preprocessing, command,
                language, extraOptions);
    }

    public OcrSettings withMaxPages(int n) {
        return new OcrSettings(threads, pageTimeout, n, maxPixels, renderDpi, preprocessing, command, language,
                extraOptions);
    }

    public OcrSettings withMaxPixels(long n) {
        return new OcrSettings(threads, pageTimeout, maxPages, n, renderDpi, preprocessing, command, language,
                extraOptions);
    }

    public OcrSettings withPreprocessing(Set<PreprocessingStep> steps) {
        return new OcrSettings(threads, pageTimeout, maxPages, maxPixels, renderDpi, steps, command, language,
                extraOptions);
    }

    public OcrSettings withCommand(String executable) {
        return new OcrSettings(threads, pageTimeout, maxPages, maxPixels, renderDpi, preprocessing, executable,
                language, extraOptions);
    }

    public OcrSettings withExtraOptions(List<String> options) {
        return new OcrSettings(threads, pageTimeout, maxPages, maxPixels, renderDpi, preprocessing, command,
                language, options);
    }
}
