package org.chartroom.asr.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartroom.asr.process.SupervisedProcess;

/**
 * Cross-checks a word error rate with NIST's own scorer (Debian's {@code sctk}: {@code sctk sclite}): the normalised
 * reference and hypothesis words are written as {@code trn} files and sclite's Sum/Avg error percentage is read back.
 */
public final class Sclite {
    private static final Pattern SUM = Pattern.compile(
            "Sum/Avg\\s*\\|\\s*(\\d+)\\s+(\\d+)\\s*\\|\\s*([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)");

    /** One scored utterance: normalised words. */
    public record Utterance(String id, List<String> reference, List<String> hypothesis) {
    }

    private Sclite() {
    }

    public static boolean available() {
        return SupervisedProcess.available("sctk");
    }

    /** sclite's corpus WER (a fraction), or empty when sctk is not installed. */
    public static Optional<Double> wer(List<Utterance> utterances, Path workDir) {
        if (!available()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(workDir);
            Path ref = workDir.resolve("ref.trn");
            Path hyp = workDir.resolve("hyp.trn");
            List<String> refLines = new ArrayList<>();
            List<String> hypLines = new ArrayList<>();
            for (Utterance u : utterances) {
                String id = " (" + u.id().replaceAll("[^A-Za-z0-9]", "_") + "_1)";
                refLines.add(String.join(" ", u.reference()) + id);
                hypLines.add(String.join(" ", u.hypothesis()) + id);
            }
            Files.write(ref, refLines, StandardCharsets.UTF_8);
            Files.write(hyp, hypLines, StandardCharsets.UTF_8);
            try (SupervisedProcess sclite = SupervisedProcess.start(List.of("sctk", "sclite", "-r", ref.toString(),
                    "trn", "-h", hyp.toString(), "trn", "-i", "rm", "-o", "sum", "stdout"), "apt-get install sctk")) {
                String out = new String(sclite.stdout().readAllBytes(), StandardCharsets.UTF_8);
                sclite.await(60_000);
                Matcher m = SUM.matcher(out);
                return m.find() ? Optional.of(Double.parseDouble(m.group(7)) / 100) : Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run sclite in " + workDir, e);
        }
    }
}
