package org.chartroom.api.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.chartroom.asr.AsrSettings;
import org.chartroom.asr.AudioTextExtractor;
import org.chartroom.asr.DictationTranscriber;
import org.chartroom.asr.process.SupervisedProcess;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.ingest.extract.PagedTextExtractor;
import org.chartroom.ingest.ocr.PageProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dictations in the pipeline: asr's {@link AudioTextExtractor} seen by the pipeline as a {@link PagedTextExtractor},
 * so that it reports how many seconds of a dictation have been recognised (of the length the file declares) the way
 * it reports scanned pages. The bridge lives here because asr and ingest do not depend on each other.
 *
 * <p>Owns the transcriber (the engine's shared model): {@link #close()} releases it. Thread-safe.
 */
final class DictationExtractor implements PagedTextExtractor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DictationExtractor.class);

    private final DictationTranscriber transcriber;
    private final AudioTextExtractor audio;
    private final AsrSettings settings;

    private DictationExtractor(DictationTranscriber transcriber, AsrSettings settings) {
        this.transcriber = transcriber;
        this.audio = new AudioTextExtractor(transcriber);
        this.settings = settings;
    }

    /**
     * Speech recognition as the settings configure it, or empty (with one warning naming the fix) when ffmpeg or
     * every engine is missing: dictation uploads are then refused at intake with the same advice, and everything
     * else works. Clears the spool folder first: files left there by a crash are plaintext copies of dictations.
     */
    static Optional<DictationExtractor> open(AsrSettings settings) {
        clearSpool(settings.spoolDir());
        if (!SupervisedProcess.available(settings.ffmpeg())) {
            LOG.warn("dictation uploads are refused: ffmpeg ({}) is not installed; apt-get install ffmpeg or set"
                    + " CHARTROOM_FFMPEG", settings.ffmpeg());
            return Optional.empty();
        }
        try {
            DictationTranscriber transcriber = DictationTranscriber.open(settings);
            LOG.info("dictations: {} engine, up to {} at once, at most {} s each", transcriber.engineName(),
                    settings.streams(), (long) settings.maxSeconds());
            return Optional.of(new DictationExtractor(transcriber, settings));
        } catch (ConfigurationException e) {
            LOG.warn("dictation uploads are refused: {}", e.getMessage());
            return Optional.empty();
        }
    }

    AsrSettings settings() {
        return settings;
    }

    @Override
    public boolean supports(String mediaType) {
        return audio.supports(mediaType);
    }

    @Override
    public ExtractedText extract(InputStream original, String mediaType) {
        return audio.extract(original, mediaType);
    }

    /** Progress in whole seconds of audio: {@code done} recognised of {@code total} declared (0 when unknown). */
    @Override
    public ExtractedText extract(InputStream original, String mediaType, PageProgress progress) {
        return audio.extract(original, mediaType,
                (seconds, total) -> progress.pages((int) seconds, (int) Math.ceil(total)));
    }

    @Override
    public void close() {
        transcriber.close();
    }

    private static void clearSpool(Path spool) {
        if (!Files.isDirectory(spool)) {
            return;
        }
        try (Stream<Path> files = Files.list(spool)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the dictation spool folder " + spool, e);
        }
    }
}
