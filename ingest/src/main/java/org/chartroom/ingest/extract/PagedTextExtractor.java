package org.chartroom.ingest.extract;

import java.io.InputStream;
import org.chartroom.core.pipeline.TextExtractor;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.ingest.ocr.PageProgress;

/** A {@link TextExtractor} that can tell, while it works, how many pages it has recognised (for long scans). */
public interface PagedTextExtractor extends TextExtractor {
    /** As {@link #extract(InputStream, String)}, reporting recognised pages to {@code progress}. */
    ExtractedText extract(InputStream original, String mediaType, PageProgress progress);
}
