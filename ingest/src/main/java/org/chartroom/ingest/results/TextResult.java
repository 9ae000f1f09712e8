package org.chartroom.ingest.results;

import java.util.Objects;
import org.chartroom.core.text.ExtractedText;

/**
 * The text a reading stage produced, as the extractor returned it (whatever it carries passes through untouched).
 *
 * @param source how the text came about, the future version's source ({@code extract}, {@code ocr}, {@code asr})
 * @param text   the extractor's result
 */
public record TextResult(String source, ExtractedText text) {
    public TextResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
