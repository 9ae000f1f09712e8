package org.chartroom.core.pipeline;

import java.io.InputStream;
import org.chartroom.core.text.ExtractedText;

/**
 * Turns an original into text (the EXTRACT stage; OCR and speech recognition implement the same contract).
 *
 * <p>The stream is consumed but not closed by this method. Implementations are thread-safe.
 * A corrupt or unreadable original throws {@link org.chartroom.core.error.UnprocessableContentException};
 * a media type the extractor does not handle throws
 * {@link org.chartroom.core.error.UnsupportedMediaTypeException}. Messages carry no document text.
 */
public interface TextExtractor {

    /** True when this extractor can read the media type (as detected from the bytes). */
    boolean supports(String mediaType);

    ExtractedText extract(InputStream original, String mediaType);
}
