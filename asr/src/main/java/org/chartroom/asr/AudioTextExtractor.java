package org.chartroom.asr;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chartroom.asr.audio.DecodeProgress;
import org.chartroom.core.error.PayloadTooLargeException;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.error.UnsupportedMediaTypeException;
import org.chartroom.core.pipeline.TextExtractor;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.core.text.Page;

/**
 * The EXTRACT stage for dictations: the draft of a {@link Transcriber} as one page of text ({@code ocr=false}), with
 * what the recogniser heard (words, timings, raw output) as the {@link ExtractedText#transcription()}, so an audio
 * upload flows through the same NLP and index stages as a typed report and its timings reach the stored version.
 *
 * <p>Content problems are {@link UnprocessableContentException}s, which the pipeline records as a FAILED document
 * with the reason: audio that cannot be decoded, audio over the duration limit (a 413 when decoding on its own, but
 * to the pipeline it is a property of the upload, not a reason to try again), and audio in which nothing was
 * recognised. Thread-safe as its transcriber is.
 */
public final class AudioTextExtractor implements TextExtractor {
    /** The audio types ffmpeg decodes for us, as Tika names them when sniffing the bytes. */
    public static final Set<String> MEDIA_TYPES = Set.of("audio/vnd.wave", "audio/wav", "audio/x-wav", "audio/wave",
            "audio/x-flac", "audio/flac", "audio/mpeg", "audio/ogg", "audio/opus", "audio/vorbis", "audio/mp4",
            "audio/x-m4a", "audio/aac", "video/mp4", "audio/webm");

    static final String NO_SPEECH = "no speech was recognised in the dictation: it is silent, too quiet or not"
            + " speech; record it again";

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
        return extract(original, mediaType, DecodeProgress.NONE);
    }

    /** As {@link #extract(InputStream, String)}, telling {@code progress} how much audio has been recognised. */
    public ExtractedText extract(InputStream original, String mediaType, DecodeProgress progress) {
        if (!supports(mediaType)) {
            throw new UnsupportedMediaTypeException("not an audio type the dictation stage reads: " + mediaType
                    + "; upload WAV, FLAC, MP3, OGG/Opus or M4A");
        }
        Transcript transcript;
        try {
            transcript = transcriber.transcribe(original, progress);
        } catch (PayloadTooLargeException e) {
            throw new UnprocessableContentException(e.getMessage(), e);
        }
        if (transcript.words().isEmpty() || transcript.draft().isBlank()) {
            throw new UnprocessableContentException(NO_SPEECH);
        }
        return new ExtractedText(mediaType, transcript.draft(), List.of(new Page(1, transcript.draft(), false, null)),
                transcript.heard());
    }
}
