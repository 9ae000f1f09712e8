package org.chartroom.asr.sphinx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.chartroom.core.text.SpokenWord;
import org.chartroom.asr.audio.AudioDecoder;
import org.chartroom.asr.engine.SpeechEngine;
import org.chartroom.asr.process.SupervisedProcess;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.error.UnprocessableContentException;

/**
 * PocketSphinx (Debian's {@code pocketsphinx_continuous}, the 5prealpha decoder) as a supervised subprocess per
 * stream: PCM is written to its standard input ({@code -infile /dev/stdin}), it segments the stream at pauses itself
 * and prints one line per word ({@code -time yes}: word, start, end, posterior). Why a process and not JNA: a fault in
 * the native decoder kills one dictation's process, never the worker JVM; the process is killed on timeout; and
 * there is no C struct layout of an unversioned prealpha library to keep in step. The cost is loading the model per
 * dictation (about 0.3 s), small beside the decode.
 *
 * <p>Thread-safe: every call starts its own process.
 */
public final class PocketSphinxEngine implements SpeechEngine {
    public static final String BINARY = "pocketsphinx_continuous";
    static final String INSTALL_HINT = "install it (apt-get install pocketsphinx pocketsphinx-en-us)";
    private static final int CHUNK = 8192;
    /** Recognition after the end of input must finish in this time plus twice the audio length. */
    private static final long FINISH_MS = 60_000;

    private final String binary;
    private final PocketSphinxModel model;
    private final List<String> decoderOptions;

    /**
     * @param decoderOptions extra decoder flags (beam and pruning settings: the speed/accuracy trade-off)
     */
    public PocketSphinxEngine(String binary, PocketSphinxModel model, List<String> decoderOptions) {
        this.binary = binary;
        this.model = model;
        this.decoderOptions = List.copyOf(decoderOptions);
        if (!SupervisedProcess.available(binary)) {
            throw new ConfigurationException("PocketSphinx (" + binary + ") is not installed; " + INSTALL_HINT);
        }
        model.missingFile().ifPresent(f -> {
            throw new ConfigurationException("the PocketSphinx model file " + f + " is missing; " + INSTALL_HINT
                    + ", or rebuild the medical model with `chartroom asr train-lm`");
        });
    }

    /** Flags that make it about twice as fast at a small cost in accuracy (measured in `chartroom bench asr`). */
    public static final List<String> FAST_OPTIONS = List.of("-topn", "2", "-maxhmmpf", "3000", "-pl_window", "5",
            "-fwdflat", "no", "-bestpath", "yes");

    /** True when Debian's PocketSphinx and its stock model are installed. */
    public static boolean installed() {
        return SupervisedProcess.available(BINARY) && PocketSphinxModel.stock().missingFile().isEmpty();
    }

    @Override
    public String name() {
        return "pocketsphinx";
    }

    public PocketSphinxModel model() {
        return model;
    }

    @Override
    public List<SpokenWord> recognize(InputStream pcm) {
        List<String> command = new ArrayList<>(List.of(binary, "-infile", "/dev/stdin", "-time", "yes",
                "-hmm", model.acousticModel().toString(), "-lm", model.languageModel().toString(),
                "-dict", model.dictionary().toString(), "-samprate", String.valueOf(AudioDecoder.SAMPLE_RATE)));
        if (!decoderOptions.contains("-lw")) {
            command.addAll(List.of("-lw", String.valueOf(model.languageWeight())));
        }
        command.addAll(decoderOptions);
        try (SupervisedProcess decoder = SupervisedProcess.start(command, INSTALL_HINT)) {
            CompletableFuture<List<SpokenWord>> words = CompletableFuture.supplyAsync(() -> readWords(decoder.stdout()),
                    r -> {
                        Thread t = new Thread(r, "pocketsphinx-out");
                        t.setDaemon(true);
                        t.start();
                    });
            long bytes = feed(pcm, decoder);
            long timeout = FINISH_MS + 2 * bytes * 1000 / AudioDecoder.BYTES_PER_SECOND;
            int exit = decoder.await(timeout);
            if (exit != 0) {
                throw failure(decoder, exit);
            }
            return words.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnprocessableContentException("recognition was interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new UnprocessableContentException("the recogniser's output could not be read", e);
        }
    }

    /** Copies the PCM to the decoder in chunks; returns the byte count. The decoder dying shows up at exit. */
    private static long feed(InputStream pcm, SupervisedProcess decoder) {
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        OutputStream in = decoder.stdin();
        boolean decoderGone = false;
        try {
            int n;
            while ((n = pcm.read(buffer)) >= 0) {
                total += n;
                if (!decoderGone) {
                    try {
                        in.write(buffer, 0, n);
                    } catch (IOException e) {
                        decoderGone = true;  // keep draining the audio so its own errors still surface
                    }
                }
            }
        } catch (IOException e) {
            throw new UnprocessableContentException("the decoded audio could not be read", e);
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // the decoder already ended; its exit code tells why
            }
        }
        return total;
    }

    private RuntimeException failure(SupervisedProcess decoder, int exit) {
        String tail = decoder.stderrTail();
        if (exit == -1) {
            return new UnprocessableContentException("PocketSphinx did not finish in time; the audio may be damaged");
        }
        return new ConfigurationException("PocketSphinx failed (exit " + exit + "): " + tail
                + " — check the model files (CHARTROOM_POCKETSPHINX_LM, CHARTROOM_POCKETSPHINX_DICT) or reinstall"
                + " pocketsphinx-en-us");
    }

    static List<SpokenWord> readWords(InputStream out) {
        List<SpokenWord> words = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                parseWordLine(line).ifPresent(words::add);
            }
        } catch (IOException e) {
            // the process was killed; its exit code is reported instead
        }
        return words;
    }

    /**
     * One line of {@code -time yes} output: {@code word start end posterior}. Utterance lines (the hypothesis text),
     * sentence marks ({@code <s>}, {@code </s>}), silence and fillers ({@code <sil>}, {@code [NOISE]}) give nothing;
     * alternative pronunciations ({@code for(2)}) are reduced to the word.
     */
    static java.util.Optional<SpokenWord> parseWordLine(String line) {
        String[] f = line.strip().split("\\s+");
        if (f.length != 4) {
            return java.util.Optional.empty();
        }
        String token = f[0];
        if (token.startsWith("<") || token.startsWith("[") || token.startsWith("+")) {
            return java.util.Optional.empty();
        }
        int alt = token.indexOf('(');
        if (alt > 0) {
            token = token.substring(0, alt);
        }
        try {
            double start = Double.parseDouble(f[1]);
            double end = Double.parseDouble(f[2]);
            double conf = Math.max(0, Math.min(1, Double.parseDouble(f[3])));
            return java.util.Optional.of(new SpokenWord(token, start, Math.max(start, end), conf, false));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        // nothing shared: each dictation's process ends with its call
    }
}
