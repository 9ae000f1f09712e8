package org.chartroom.asr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chartroom.asr.audio.DecodeProgress;

/**
 * Turns a dictation (any common audio format) into a {@link Transcript}: the raw recognition with word timings and
 * confidences, and the formatted draft.
 *
 * <p>The stream is consumed but not closed. Implementations are thread-safe and bound the number of dictations
 * recognised at once. Errors: audio that cannot be decoded (corrupt, not audio, no audio stream) throws
 * {@link org.chartroom.core.error.UnprocessableContentException}; audio longer than the configured limit throws
 * {@link org.chartroom.core.error.PayloadTooLargeException}; a missing engine, model or tool throws
 * {@link org.chartroom.core.error.ConfigurationException} naming the setting or command that fixes it. Messages carry
 * no dictated text and no file names.
 */
public interface Transcriber {

    Transcript transcribe(InputStream audio);

    /**
     * As {@link #transcribe(InputStream)}, telling {@code progress} how much of the audio has been recognised (for
     * a long dictation's status). This default reports nothing.
     */
    default Transcript transcribe(InputStream audio, DecodeProgress progress) {
        return transcribe(audio);
    }

    /** Transcribes a file (read in place where the implementation can, which avoids a spool copy). */
    default Transcript transcribe(Path audio) {
        try (InputStream in = Files.newInputStream(audio)) {
            return transcribe(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audio file", e);
        }
    }
}
