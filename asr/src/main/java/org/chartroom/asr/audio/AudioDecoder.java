package org.chartroom.asr.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.chartroom.asr.process.SupervisedProcess;

/**
 * Decodes any audio ffmpeg reads (WAV of any rate, channel count and sample format, FLAC, MP3, OGG/Opus, M4A/AAC, …)
 * into the one format the recognisers take: 16 kHz, mono, signed 16-bit little-endian PCM, streamed.
 *
 * <p>ffmpeg runs as a {@link SupervisedProcess} reading the file and writing PCM to a pipe; the caller reads the
 * pipe in chunks through {@link DecodedAudio}, so memory does not grow with the length of the dictation. A stream
 * (an upload) is first spooled to a file in the spool folder, because containers such as M4A keep their index at the
 * end and cannot be read from a pipe. Thread-safe: every call starts its own process.
 */
public final class AudioDecoder {
    /** The format every engine takes. */
    public static final int SAMPLE_RATE = 16_000;
    public static final int BYTES_PER_SECOND = SAMPLE_RATE * 2;

    private final String ffmpeg;
    private final double maxSeconds;
    private final Path spoolDir;

    /**
     * @param ffmpeg     the ffmpeg executable (a name on the PATH or a path)
     * @param maxSeconds the longest dictation accepted; longer audio fails with a 413
     * @param spoolDir   where uploaded streams are spooled (they are PHI: keep it inside the data directory)
     */
    public AudioDecoder(String ffmpeg, double maxSeconds, Path spoolDir) {
        if (maxSeconds <= 0) {
            throw new IllegalArgumentException("the duration limit must be positive");
        }
        this.ffmpeg = ffmpeg;
        this.maxSeconds = maxSeconds;
        this.spoolDir = spoolDir;
    }

    public double maxSeconds() {
        return maxSeconds;
    }

    /** True when the ffmpeg executable is present. */
    public boolean available() {
        return SupervisedProcess.available(ffmpeg);
    }

    /** Starts decoding a file. The caller closes the result. */
    public DecodedAudio open(Path file) {
        return open(file, null);
    }

    /** Spools the stream (consumed, not closed) and starts decoding it; the spool file goes when the result closes. */
    public DecodedAudio open(InputStream audio) {
        Path spool;
        try {
            Files.createDirectories(spoolDir);
            spool = Files.createTempFile(spoolDir, "dictation-", ".audio");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file for the dictation in " + spoolDir, e);
        }
        try {
            Files.copy(audio, spool, StandardCopyOption.REPLACE_EXISTING);
            return open(spool, spool);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(spool);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot spool the dictation", io);
            }
            throw (RuntimeException) e;
        }
    }

    private DecodedAudio open(Path file, Path spoolToDelete) {
        // -t stops ffmpeg just past the limit, so an over-long file is detected without decoding all of it.
        List<String> command = List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error",
                "-i", file.toAbsolutePath().toString(), "-map", "0:a:0", "-vn", "-sn", "-dn",
                "-ac", "1", "-ar", String.valueOf(SAMPLE_RATE), "-acodec", "pcm_s16le", "-f", "s16le",
                "-t", String.valueOf(maxSeconds + 1), "pipe:1");
        SupervisedProcess process = SupervisedProcess.start(command,
                "install ffmpeg (apt-get install ffmpeg) or set CHARTROOM_FFMPEG to its path");
        return new DecodedAudio(process, file.toAbsolutePath().toString(), maxSeconds,
                () -> deleteQuietly(spoolToDelete));
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the next start's cleanup of the spool folder
        }
    }
}
