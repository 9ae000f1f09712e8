package org.chartroom.asr;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.chartroom.asr.audio.AudioDecoder;
import org.chartroom.asr.audio.DecodeProgress;
import org.chartroom.asr.audio.DecodedAudio;
import org.chartroom.asr.engine.SpeechEngine;
import org.chartroom.asr.engine.SpeechEngines;
import org.chartroom.asr.format.DictationFormatter;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.text.SpokenWord;
import org.chartroom.core.text.Transcription;

/**
 * The {@link Transcriber}: audio decoded by ffmpeg, recognised by the configured engine, low-confidence words marked,
 * the words formatted into a draft. At most {@code streams} dictations are recognised at once (the others wait), so a
 * burst of uploads cannot oversubscribe the CPU. Closing it closes the engine (its shared model) once.
 */
public final class DictationTranscriber implements Transcriber, AutoCloseable {
    private final AudioDecoder decoder;
    private final SpeechEngine engine;
    private final DictationFormatter formatter;
    private final double lowConfidence;
    private final Semaphore streams;

    public DictationTranscriber(AudioDecoder decoder, SpeechEngine engine, DictationFormatter formatter,
                                double lowConfidence, int streams) {
        this.decoder = decoder;
        this.engine = engine;
        this.formatter = formatter;
        this.lowConfidence = lowConfidence;
        this.streams = new Semaphore(streams, true);
    }

    /** The transcriber the settings describe (engine chosen as {@link SpeechEngines#open} does). */
    public static DictationTranscriber open(AsrSettings settings) {
        return new DictationTranscriber(new AudioDecoder(settings.ffmpeg(), settings.maxSeconds(), settings.spoolDir()),
                SpeechEngines.open(settings), new DictationFormatter(), settings.lowConfidence(), settings.streams());
    }

    public String engineName() {
        return engine.name();
    }

    public SpeechEngine engine() {
        return engine;
    }

    @Override
    public Transcript transcribe(InputStream audio) {
        return transcribe(audio, DecodeProgress.NONE);
    }

    /** As {@link #transcribe(InputStream)}; waiting for a free stream counts as no progress. */
    @Override
    public Transcript transcribe(InputStream audio, DecodeProgress progress) {
        return run(() -> decoder.open(audio, progress));
    }

    @Override
    public Transcript transcribe(Path audio) {
        return run(() -> decoder.open(audio));
    }

    private Transcript run(Supplier<DecodedAudio> source) {
        try {
            streams.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnprocessableContentException("transcription was interrupted", e);
        }
        try {
            long t0 = System.nanoTime();
            try (DecodedAudio pcm = source.get()) {
                List<SpokenWord> words = engine.recognize(pcm).stream()
                        .map(w -> w.markedBelow(lowConfidence)).toList();
                double decodeSeconds = (System.nanoTime() - t0) / 1e9;
                List<String> spoken = words.stream().map(SpokenWord::word).toList();
                return new Transcript(formatter.format(spoken),
                        new Transcription(engine.name(), String.join(" ", spoken), words, pcm.seconds()), decodeSeconds);
            }
        } finally {
            streams.release();
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
