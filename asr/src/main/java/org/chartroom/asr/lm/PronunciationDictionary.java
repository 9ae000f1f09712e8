package org.chartroom.asr.lm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chartroom.asr.process.SupervisedProcess;

/**
 * Pronunciations in the CMU phone set: read from a CMU-format dictionary ({@code word PH ON ES}, alternatives as
 * {@code word(2)}), and made for missing words (arthroplasty, lidocaine…) from espeak-ng's phonemes, mapped to CMU
 * phones by the table {@code espeak-to-cmu.tsv}.
 */
public final class PronunciationDictionary {
    private final Map<String, List<String>> entries = new LinkedHashMap<>();

    public static PronunciationDictionary read(Path cmuDict) {
        PronunciationDictionary dict = new PronunciationDictionary();
        try (BufferedReader in = Files.newBufferedReader(cmuDict, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                int space = line.indexOf(' ');
                if (space <= 0) {
                    continue;
                }
                String word = line.substring(0, space);
                int alt = word.indexOf('(');
                dict.entries.computeIfAbsent(alt > 0 ? word.substring(0, alt) : word, w -> new ArrayList<>())
                        .add(line.substring(space + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pronunciation dictionary " + cmuDict, e);
        }
        return dict;
    }

    public boolean contains(String word) {
        return entries.containsKey(word);
    }

    public void add(String word, String phones) {
        entries.computeIfAbsent(word, w -> new ArrayList<>()).add(phones);
    }

    /** Writes the entries of {@code words} (those it has) in CMU format. */
    public int write(List<String> words, Path file) {
        int written = 0;
        List<String> lines = new ArrayList<>();
        for (String w : words) {
            List<String> prons = entries.get(w);
            if (prons == null) {
                continue;
            }
            written++;
            for (int i = 0; i < prons.size(); i++) {
                lines.add((i == 0 ? w : w + "(" + (i + 1) + ")") + " " + prons.get(i));
            }
        }
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dictionary " + file, e);
        }
        return written;
    }

    /** espeak-ng phonemes to CMU phones. */
    public static final class Espeak {
        private final Map<String, String> table = new HashMap<>();

        public Espeak() {
            try (InputStream in = PronunciationDictionary.class.getResourceAsStream("espeak-to-cmu.tsv")) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    table.put(f[0], f.length > 1 ? f[1].strip() : "");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the espeak phoneme table cannot be read", e);
            }
        }

        public static boolean available() {
            return SupervisedProcess.available("espeak-ng");
        }

        /** CMU phones for espeak's phoneme mnemonics of one word (space-separated), if every phoneme maps. */
        public Optional<String> toCmu(String espeakPhonemes) {
            List<String> phones = new ArrayList<>();
            for (String raw : espeakPhonemes.strip().split("\\s+")) {
                String p = raw.replaceAll("^[',%=]+", "");
                if (p.isEmpty()) {
                    continue;
                }
                String cmu = table.get(p);
                if (cmu == null) {
                    return Optional.empty();
                }
                if (!cmu.isEmpty()) {
                    phones.add(cmu);
                }
            }
            return phones.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", phones));
        }

        /** Pronounces words with espeak-ng (one process for all of them); words it cannot map are left out. */
        public Map<String, String> pronounce(List<String> words) {
            Map<String, String> out = new LinkedHashMap<>();
            if (words.isEmpty()) {
                return out;
            }
            try (SupervisedProcess espeak = SupervisedProcess.start(List.of("espeak-ng", "-q", "-v", "en-us", "-x",
                    "--sep= "), "apt-get install espeak-ng")) {
                Thread feeder = new Thread(() -> {
                    try (var stdin = espeak.stdin()) {
                        for (String w : words) {
                            stdin.write((w + ".\n").getBytes(StandardCharsets.UTF_8));
                        }
                    } catch (IOException e) {
                        // espeak ended early: fewer lines come back, and those words get nothing
                    }
                });
                feeder.setDaemon(true);
                feeder.start();
                BufferedReader reader = new BufferedReader(new InputStreamReader(espeak.stdout(),
                        StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
                espeak.await(60_000);
                if (lines.size() == words.size()) {
                    for (int i = 0; i < words.size(); i++) {
                        String word = words.get(i);
                        toCmu(lines.get(i)).ifPresent(cmu -> out.put(word, cmu));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("espeak-ng output could not be read", e);
            }
            return out;
        }
    }
}
