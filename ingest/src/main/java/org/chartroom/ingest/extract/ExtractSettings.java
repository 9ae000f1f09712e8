package org.chartroom.ingest.extract;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Limits and working space of text extraction.
 *
 * @param maxChars      the most characters of text one document may yield, counted as the parser produces them
 *                      (including the line breaks it adds between paragraphs); setting {@value #MAX_CHARS}, default 20
 *                      million. A guard against decompression bombs and runaway parsers
 * @param tempDirectory where Tika may spool a copy of an original (e.g. a PDF read from a stream). Copies are PHI:
 *                      point this into the data directory (see {@code OriginalStore.scratchDirectory()}); the default is
 *                      the JVM's temporary directory, fine for the command line
 */
public record ExtractSettings(int maxChars, Path tempDirectory) {
    public static final String MAX_CHARS = "chartroom.extract.max-chars";
    public static final int DEFAULT_MAX_CHARS = 20_000_000;

    public ExtractSettings {
        if (maxChars < 1) {
            throw new IllegalArgumentException(MAX_CHARS + " must be at least 1, not " + maxChars);
        }
        Objects.requireNonNull(tempDirectory, "tempDirectory");
    }

    public static ExtractSettings defaults() {
        return new ExtractSettings(DEFAULT_MAX_CHARS, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public ExtractSettings withTempDirectory(Path directory) {
        return new ExtractSettings(maxChars, directory);
    }

    public ExtractSettings withMaxChars(int limit) {
        return new ExtractSettings(limit, tempDirectory);
    }
}
