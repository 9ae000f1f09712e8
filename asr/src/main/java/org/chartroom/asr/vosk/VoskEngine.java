package org.chartroom.asr.vosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chartroom.core.text.SpokenWord;
import org.chartroom.asr.audio.AudioDecoder;
import org.chartroom.asr.engine.SpeechEngine;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.error.UnprocessableContentException;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Vosk (Kaldi) through its Java binding: one shared {@link Model} per engine, one {@link Recognizer} per stream,
 * made, used and closed by the thread that called {@link #recognize} — a recogniser is never shared across threads.
 * The model is closed exactly once, by {@link #close()}.
 */
public final class VoskEngine implements SpeechEngine {
    static final String FIX = "set CHARTROOM_VOSK_MODEL to an unpacked Vosk model folder, or run"
            + " `chartroom models fetch vosk-small-en-us`";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 8192;

    private final Model model;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final double loadSeconds;

    /**
     * Loads the model.
     *
     * @throws ConfigurationException when the folder is missing, is not a Vosk model, or the model does not load;
     *                                the message names the setting and the command that fix it
     */
    public VoskEngine(Path modelDir) {
        checkLayout(modelDir);
        loadNativeLibrary();
        long t0 = System.nanoTime();
        try {
            this.model = new Model(modelDir.toAbsolutePath().toString());
        } catch (IOException | RuntimeException | Error e) {
            throw new ConfigurationException("the Vosk model at " + modelDir + " does not load (corrupt or"
                    + " incomplete); " + FIX, e);
        }
        this.loadSeconds = (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Checks that a folder looks like an unpacked Vosk model ({@code am/final.mdl} and a {@code conf} folder)
     * before the native loader sees it.
     */
    public static void checkLayout(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new ConfigurationException("no Vosk model folder at " + modelDir + "; " + FIX);
        }
        if (!Files.isRegularFile(modelDir.resolve("am/final.mdl")) || !Files.isDirectory(modelDir.resolve("conf"))) {
            throw new ConfigurationException("the folder " + modelDir + " is not an unpacked Vosk model (no"
                    + " am/final.mdl or conf/); " + FIX);
        }
    }

    /**
     * Loads libvosk (shipped inside the vosk jar, unpacked by JNA) and quiets its logging.
     *
     * @throws ConfigurationException when the native library cannot be loaded on this platform
     */
    public static void loadNativeLibrary() {
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
        } catch (LinkageError e) {
            throw new ConfigurationException("the Vosk native library cannot be loaded on this platform ("
                    + e.getMessage() + "); use CHARTROOM_ASR_ENGINE=pocketsphinx", e);
        }
    }

    public double loadSeconds() {
        return loadSeconds;
    }

    @Override
    public String name() {
        return "vosk";
    }

    @Override
    public List<SpokenWord> recognize(InputStream pcm) {
        if (closed.get()) {
            throw new IllegalStateException("the Vosk engine is closed");
        }
        List<SpokenWord> words = new ArrayList<>();
        try (Recognizer recognizer = new Recognizer(model, AudioDecoder.SAMPLE_RATE)) {
            recognizer.setWords(true);
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = pcm.read(buffer)) >= 0) {
                if (recognizer.acceptWaveForm(buffer, n)) {
                    addWords(recognizer.getResult(), words);
                }
            }
            addWords(recognizer.getFinalResult(), words);
        } catch (IOException e) {
            throw new UnprocessableContentException("the decoded audio could not be read", e);
        }
        return words;
    }

    /** Adds the words of one Vosk result ({@code {"result":[{"conf","end","start","word"}],"text"}}). */
    static void addWords(String resultJson, List<SpokenWord> into) {
        try {
            JsonNode result = JSON.readTree(resultJson).path("result");
            for (JsonNode w : result) {
                String word = w.path("word").asText("");
                if (!word.isBlank() && !"[unk]".equals(word)) {
                    double start = w.path("start").asDouble();
                    into.add(new SpokenWord(word, start, Math.max(start, w.path("end").asDouble()),
                            Math.max(0, Math.min(1, w.path("conf").asDouble(1))), false));
                }
            }
        } catch (IOException e) {
            throw new UnprocessableContentException("Vosk returned an unreadable result", e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            model.close();
        }
    }
}
