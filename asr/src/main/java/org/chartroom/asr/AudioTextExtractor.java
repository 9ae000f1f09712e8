package org.chartroom.asr;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chartroom.core.pipeline.TextExtractor;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.core.text.Page;

/**
 * The EXTRACT stage for dictations: the draft of a {@link Transcriber} as one page of text ({@code ocr=false}), so an
 * audio upload flows through the same NLP and index stages as a typed report. Thread-safe as its transcriber is.
 */
public final class AudioTextExtractor implements TextExtractor {
    /** The audio types ffmpeg decodes for us, as Tika names them when sniffing the bytes. */
    public static final Set<String> MEDIA_TYPES = Set.of("audio/vnd.wave", "audio/wav", "audio/x-wav", "audio/wave",
            "audio/x-flac", "audio/flac", "audio/mpeg", "audio/ogg", "audio/opus", "audio/vorbis", "audio/mp4",
            "audio/x-m4a", "audio/aac", "video/mp4", "audio/webm");

    private final Transcriber transcriber;

    public AudioTextExtractor(Transcriber transcriber) {
        this.transcriber = transcriber;
    }

    @Override
    public boolean supports(String mediaType) {
        String base = mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return MEDIA_TYPES.contains(base);
    }

    @Override
    public ExtractedText extract(InputStream original, String mediaType) {
        if (!supports(mediaType)) {
            throw new org.chartroom.core.error.UnsupportedMediaTypeException("not an audio type the dictation stage"
                    + " reads: " + mediaType + "; upload WAV, FLAC, MP3, OGG/Opus or M4A");
        }
        Transcript transcript = transcriber.transcribe(original);
        return new ExtractedText(mediaType, transcript.draft(), List.of(new Page(1, transcript.draft(), false, null)));
    }
}
