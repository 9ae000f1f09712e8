package org.chartroom.asr.audio;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import org.chartroom.asr.process.SupervisedProcess;
import org.chartroom.core.error.PayloadTooLargeException;
import org.chartroom.core.error.UnprocessableContentException;

/**
 * A dictation being decoded: 16 kHz mono s16le PCM read from ffmpeg's pipe. Enforces the duration limit while
 * reading, and at the end of the stream checks how ffmpeg ended, so a corrupt file is an error and not a short
 * transcript.
 *
 * <p>Errors (thrown from {@code read}): {@link PayloadTooLargeException} past the duration limit;
 * {@link UnprocessableContentException} when ffmpeg could not decode the input or it held no audio. One reader
 * thread; close it exactly once (closing again is harmless): that kills ffmpeg if still running.
 */
public final class DecodedAudio extends InputStream {
    private static final long EXIT_TIMEOUT_MS = 30_000;

    private final SupervisedProcess ffmpeg;
    private final InputStream pcm;
    private final String inputPath;
    private final long maxBytes;
    private final double maxSeconds;
    private final Runnable onClose;
    private final DecodeProgress progress;
    private final CompletableFuture<Double> declaredSeconds;
    private long bytes;
    private long reportedAt;
    private boolean ended;
    private boolean closed;

    DecodedAudio(SupervisedProcess ffmpeg, String inputPath, double maxSeconds, DecodeProgress progress,
                 CompletableFuture<Double> declaredSeconds, Runnable onClose) {
        this.ffmpeg = ffmpeg;
        this.pcm = ffmpeg.stdout();
        this.inputPath = inputPath;
        this.maxSeconds = maxSeconds;
        this.maxBytes = (long) (maxSeconds * AudioDecoder.BYTES_PER_SECOND);
        this.onClose = onClose;
        this.progress = progress;
        this.declaredSeconds = declaredSeconds;
    }

    /**
     * The length the container declares; 0 when not known, or not probed yet (it is only a hint for progress:
     * {@link #seconds()} is what was read).
     */
    public double declaredSeconds() {
        return declaredSeconds.getNow(0.0);
    }

    /** Seconds of audio read so far (the whole length once the stream has ended). */
    public double seconds() {
        return bytes / (double) AudioDecoder.BYTES_PER_SECOND;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        int n = pcm.read(buffer, offset, length);
        if (n < 0) {
            ended = true;
            checkEnd();
            return -1;
        }
        bytes += n;
        if (bytes - reportedAt >= AudioDecoder.BYTES_PER_SECOND) {
            reportedAt = bytes;
            progress.decoded(seconds(), declaredSeconds());
        }
        if (bytes > maxBytes) {
            ended = true;
            close();
            throw new PayloadTooLargeException(String.format(
                    "the dictation is longer than the limit of %.0f seconds; split it, or raise"
                            + " CHARTROOM_ASR_MAX_SECONDS", maxSeconds));
        }
        return n;
    }

    private void checkEnd() {
        int exit = ffmpeg.await(EXIT_TIMEOUT_MS);
        if (exit != 0) {
            String reason = ffmpeg.stderrTail().replace(inputPath, "input");
            close();
            throw new UnprocessableContentException("the audio cannot be decoded (corrupt, truncated, or not audio)"
                    + (reason.isEmpty() ? "" : ": " + reason)).withLogSummary("the audio cannot be decoded");
        }
        if (bytes == 0) {
            close();
            throw new UnprocessableContentException("the file holds no audio samples; upload a recording");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ffmpeg.close();
        onClose.run();
    }
}
