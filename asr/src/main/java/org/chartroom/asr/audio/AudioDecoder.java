package org.chartroom.asr.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    private static final long PROBE_TIMEOUT_MS = 10_000;

    private final String ffmpeg;
    private final double maxSeconds;
    private final Path spoolDir;
    private final String ffprobe;

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
        this.ffprobe = ffprobeBeside(ffmpeg);
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
        return open(file, DecodeProgress.NONE);
    }

    /** Starts decoding a file, telling {@code progress} how far it got. The caller closes the result. */
    public DecodedAudio open(Path file, DecodeProgress progress) {
        return open(file, null, progress);
    }

    /** Spools the stream (consumed, not closed) and starts decoding it; the spool file goes when the result closes. */
    public DecodedAudio open(InputStream audio) {
        return open(audio, DecodeProgress.NONE);
    }

    /** As {@link #open(InputStream)}, telling {@code progress} how far decoding got. */
    public DecodedAudio open(InputStream audio, DecodeProgress progress) {
        Path spool;
        try {
            Files.createDirectories(spoolDir);
            spool = Files.createTempFile(spoolDir, "dictation-", ".audio");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file for the dictation in " + spoolDir, e);
        }
        try {
            Files.copy(audio, spool, StandardCopyOption.REPLACE_EXISTING);
            return open(spool, spool, progress);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(spool);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot spool the dictation", io);
            }
            throw (RuntimeException) e;
        }
    }

    private DecodedAudio open(Path file, Path spoolToDelete, DecodeProgress progress) {
        // The length is only for the progress display: probe it beside the decode, not before it.
        CompletableFuture<Double> declared = progress == DecodeProgress.NONE
                ? CompletableFuture.completedFuture(0.0)
                : CompletableFuture.supplyAsync(() -> declaredSeconds(file), AudioDecoder::probeThread);
        // -t stops ffmpeg just past the limit, so an over-long file is detected without decoding all of it.
        List<String> command = List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error",
                "-i", file.toAbsolutePath().toString(), "-map", "0:a:0", "-vn", "-sn", "-dn",
                "-ac", "1", "-ar", String.valueOf(SAMPLE_RATE), "-acodec", "pcm_s16le", "-f", "s16le",
                "-t", String.valueOf(maxSeconds + 1), "pipe:1");
        SupervisedProcess process = SupervisedProcess.start(command,
                "install ffmpeg (apt-get install ffmpeg) or set CHARTROOM_FFMPEG to its path");
        return new DecodedAudio(process, file.toAbsolutePath().toString(), maxSeconds, progress, declared,
                () -> deleteQuietly(spoolToDelete));
    }

    /**
     * The length the container declares (ffprobe, which ships beside ffmpeg), for progress only; 0 when ffprobe is
     * missing, fails or the container does not say. Reads headers, not the audio (the time is mostly starting the
     * process).
     */
    double declaredSeconds(Path file) {
        if (!SupervisedProcess.available(ffprobe)) {
            return 0;
        }
        try (SupervisedProcess probe = SupervisedProcess.start(List.of(ffprobe, "-v", "error", "-show_entries",
                "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", file.toAbsolutePath().toString()),
                "install ffmpeg (apt-get install ffmpeg), which includes ffprobe")) {
            // One short line: it fits the pipe, so waiting first cannot block ffprobe, and a hang is cut off.
            if (probe.await(PROBE_TIMEOUT_MS) != 0) {
                return 0;
            }
            String out = new String(probe.stdout().readAllBytes(), StandardCharsets.US_ASCII).strip();
            double seconds = Double.parseDouble(out);
            return Double.isFinite(seconds) && seconds > 0 ? seconds : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;  // "N/A" or nothing: progress then counts seconds without a total
        }
    }

    private static void probeThread(Runnable probe) {
        Thread t = new Thread(probe, "ffprobe");
        t.setDaemon(true);
        t.start();
    }

    /** ffprobe in the folder of the configured ffmpeg, or on the PATH when ffmpeg is given by name. */
    static String ffprobeBeside(String ffmpeg) {
        Path path = Path.of(ffmpeg);
        return path.getParent() == null ? "ffprobe" : path.resolveSibling("ffprobe").toString();
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
