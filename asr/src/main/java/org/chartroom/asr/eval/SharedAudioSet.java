package org.chartroom.asr.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The speech samples in {@code ../shared/data/audio} with their reference transcripts: LibriSpeech utterances (the
 * {@code *.trans.txt} lines, trimmed to the files present and without a final newline), the Vosk demo digits
 * ({@code test.txt}) and the JFK excerpt ({@code jfk.txt}; punctuation approximate, removed by normalisation).
 */
public final class SharedAudioSet {
    private SharedAudioSet() {
    }

    public static List<DictationSample> read(Path audioDir) {
        List<DictationSample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(audioDir)) {
            for (Path trans : files.filter(p -> p.getFileName().toString().endsWith(".trans.txt")).sorted().toList()) {
                for (String line : Files.readAllLines(trans, StandardCharsets.UTF_8)) {
                    int space = line.indexOf(' ');
                    if (space < 0) {
                        continue;
                    }
                    String id = line.substring(0, space);
                    Path flac = trans.resolveSibling(id + ".flac");
                    if (Files.isRegularFile(flac)) {
                        String text = line.substring(space + 1).strip();
                        samples.add(new DictationSample(id, flac, text, text));
                    }
                }
            }
            addPair(samples, "vosk-demo", audioDir.resolve("vosk-demo/test.wav"), audioDir.resolve("vosk-demo/test.txt"));
            addPair(samples, "jfk", audioDir.resolve("whisper-jfk/jfk.flac"), audioDir.resolve("whisper-jfk/jfk.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shared audio in " + audioDir, e);
        }
        return samples;
    }

    private static void addPair(List<DictationSample> samples, String id, Path audio, Path text) throws IOException {
        if (Files.isRegularFile(audio) && Files.isRegularFile(text)) {
            String reference = Files.readString(text, StandardCharsets.UTF_8).strip();
            samples.add(new DictationSample(id, audio, reference, reference));
        }
    }
}
