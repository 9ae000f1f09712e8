package org.chartroom.asr.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chartroom.asr.format.SpokenForm;
import org.chartroom.asr.process.SupervisedProcess;
import org.chartroom.core.error.ConfigurationException;

/**
 * The synthesized dictation set: notes read aloud by Debian's {@code flite} as a physician dictates them (headings and
 * punctuation spoken, numbers and units in words: {@link SpokenForm}), one voice per note in turn (slt, rms, awb).
 * Each note is cut at a sentence end after about {@code maxWords} words so the set stays quick to decode. The audio
 * is written to a work folder at bench time and never committed; ffmpeg resamples it to 16 kHz when it is decoded.
 */
public final class DictationSynthesizer {
    public static final List<String> VOICES = List.of("slt", "rms", "awb");

    /** A note to dictate. */
    public record Note(String id, String text) {
    }

    private final SpokenForm spokenForm;

    public DictationSynthesizer(SpokenForm spokenForm) {
        this.spokenForm = spokenForm;
    }

    public List<DictationSample> synthesize(List<Note> notes, int maxWords, Path workDir) {
        if (!SupervisedProcess.available("flite")) {
            throw new ConfigurationException("flite is not installed; apt-get install flite (the synthesized"
                    + " dictation set is read by it)");
        }
        List<DictationSample> samples = new ArrayList<>();
        try {
            Files.createDirectories(workDir);
            for (int i = 0; i < notes.size(); i++) {
                Note note = notes.get(i);
                String written = leadingSentences(note.text(), maxWords);
                String spoken = String.join(" ", spokenForm.words(written));
                if (spoken.isBlank()) {
                    continue;
                }
                String voice = VOICES.get(i % VOICES.size());
                Path wav = workDir.resolve(note.id() + "-" + voice + ".wav");
                Path script = workDir.resolve(note.id() + "-" + voice + ".txt");
                Files.writeString(script, spoken);
                try (SupervisedProcess flite = SupervisedProcess.start(List.of("flite", "-voice", voice, "-f",
                        script.toString(), "-o", wav.toString()), "apt-get install flite")) {
                    if (flite.await(300_000) != 0) {
                        throw new ConfigurationException("flite failed: " + flite.stderrTail());
                    }
                }
                samples.add(new DictationSample(note.id() + "-" + voice, wav, spoken, written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthesized dictations to " + workDir, e);
        }
        return samples;
    }

    /** The first sentences of a note, up to the sentence end at or after {@code maxWords} words. */
    static String leadingSentences(String text, int maxWords) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
                if (c == '.' && words >= maxWords && (i + 1 == text.length()
                        || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
                    return text.substring(0, i + 1);
                }
            }
        }
        return text;
    }
}
