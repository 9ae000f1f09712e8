package org.chartroom.nlp.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.text.Section;
import org.chartroom.nlp.eval.HeaderMismatch.Kind;
import org.chartroom.nlp.eval.HeaderMismatch.Variant;
import org.chartroom.nlp.eval.SectionGold.GoldHeader;
import org.chartroom.nlp.section.Sectionizer;
import org.chartroom.nlp.section.SpeechLikeText;

/**
 * Measures the {@link Sectionizer} against the section header gold of the MTSamples development reports.
 *
 * <p>Matching rule: a predicted header matches a gold header when it starts at the same char offset (each gold
 * header matches at most one prediction; the sectionizer never predicts two headers at one offset). Header
 * precision/recall/F1 count matches; type accuracy is the share of matches whose type equals the gold type; typed F1
 * counts only matches with the right type.
 *
 * <p>Speech-like variant: each report is lower-cased and stripped of punctuation ({@link SpeechLikeText}), gold
 * offsets are mapped through the same transformation, and the sectionizer's spoken-heading path is measured the
 * same way.
 *
 * <p>Reads the CSV (RFC-4180, column {@code transcription}, row id in the first column) and the gold TSV; writes
 * nothing. Not thread-safe per instance (use one per run).
 */
public final class SectionEvaluation {
    /** Where the shared folder keeps the reports, relative to the shared folder. */
    public static final String REPORTS = "data/mtsamples/mtsamples.csv";
    /** Where the shared folder keeps the header gold, relative to the shared folder. */
    public static final String GOLD = "spec/section-gold-dev.tsv";

    private final Sectionizer sectionizer;

    public SectionEvaluation(Sectionizer sectionizer) {
        this.sectionizer = sectionizer;
    }

    /** One report of the corpus. */
    public record Report(String id, String text) {
    }

    /**
     * Evaluates on the shared data folder ({@value #REPORTS} and {@value #GOLD} under {@code sharedFolder}).
     *
     * @throws ConfigurationException when a file is missing or unreadable; the message names it
     */
    public SectionEvaluationResult run(Path sharedFolder) {
        return run(sharedFolder.resolve(REPORTS), sharedFolder.resolve(GOLD), mismatch -> { });
    }

    /**
     * Evaluates on the given files, telling {@code mismatches} about every disagreement (for error analysis).
     *
     * @throws ConfigurationException when a file is missing or unreadable; the message names it
     */
    public SectionEvaluationResult run(Path reportsCsv, Path goldTsv, Consumer<HeaderMismatch> mismatches) {
        List<Report> reports = readReports(reportsCsv);
        SectionGold gold;
        try {
            gold = SectionGold.read(requireFile(goldTsv, "section header gold"));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the section header gold " + goldTsv + ": "
                    + e.getMessage(), e);
        }
        return evaluate(reports, gold, mismatches);
    }

    /** Evaluates already-loaded reports against already-loaded gold. */
    public SectionEvaluationResult evaluate(List<Report> reports, SectionGold gold, Consumer<HeaderMismatch> mismatches) {
        HeaderScores written = new HeaderScores(0, 0, 0, 0);
        HeaderScores spoken = new HeaderScores(0, 0, 0, 0);
        Map<String, Integer> confusionCounts = new HashMap<>();
        int misaligned = 0;
        long nanos = 0;
        for (Report report : reports) {
            String text = report.text();
            List<GoldHeader> aligned = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            for (GoldHeader header : gold.headersOf(report.id())) {
                int offset = SectionGold.charOffset(text, header);
                if (offset < 0) {
                    misaligned++;
                } else {
                    aligned.add(header);
                    offsets.add(offset);
                }
            }
            long t0 = System.nanoTime();
            List<Section> predicted = sectionizer.writtenSections(text);
            nanos += System.nanoTime() - t0;
            written = written.plus(score(report.id(), Variant.WRITTEN, aligned, offsets,
                    aligned.stream().map(GoldHeader::header).toList(), predicted, confusionCounts, mismatches));

            SpeechLikeText speech = SpeechLikeText.of(text);
            List<Integer> speechOffsets = new ArrayList<>(offsets.size());
            List<String> speechHeaders = new ArrayList<>(offsets.size());
            for (int k = 0; k < aligned.size(); k++) {
                int start = speech.map(offsets.get(k));
                int end = speech.map(offsets.get(k) + aligned.get(k).header().length());
                speechOffsets.add(start);
                speechHeaders.add(speech.text().substring(start, Math.max(start, end)).strip());
            }
            spoken = spoken.plus(score(report.id(), Variant.SPEECH_LIKE, aligned, speechOffsets, speechHeaders,
                    sectionizer.spokenSections(speech.text()), null, mismatches));
        }
        List<TypeConfusion> confusions = confusionCounts.entrySet().stream()
                .map(e -> {
                    String[] pair = e.getKey().split("\t");
                    return new TypeConfusion(pair[0], pair[1], e.getValue());
                })
                .sorted(Comparator.comparingInt(TypeConfusion::count).reversed()
                        .thenComparing(TypeConfusion::goldType).thenComparing(TypeConfusion::predictedType))
                .toList();
        return new SectionEvaluationResult(reports.size(), written, spoken, confusions, misaligned, nanos / 1e9);
    }

    private static HeaderScores score(String reportId, Variant variant, List<GoldHeader> gold, List<Integer> offsets,
                                      List<String> goldTexts, List<Section> predicted,
                                      Map<String, Integer> confusions, Consumer<HeaderMismatch> mismatches) {
        Map<Integer, Integer> goldAt = new HashMap<>();
        for (int k = 0; k < gold.size(); k++) {
            goldAt.putIfAbsent(offsets.get(k), k);
        }
        boolean[] goldMatched = new boolean[gold.size()];
        int matched = 0;
        int typeCorrect = 0;
        for (Section section : predicted) {
            Integer k = goldAt.get(section.start());
            if (k == null || goldMatched[k]) {
                mismatches.accept(new HeaderMismatch(reportId, variant, Kind.SPURIOUS, section.start(), "", "",
                        section.header(), section.type()));
                continue;
            }
            goldMatched[k] = true;
            matched++;
            String goldType = gold.get(k).type();
            if (goldType.equals(section.type())) {
                typeCorrect++;
            } else {
                if (confusions != null) {
                    confusions.merge(goldType + "\t" + section.type(), 1, Integer::sum);
                }
                mismatches.accept(new HeaderMismatch(reportId, variant, Kind.WRONG_TYPE, section.start(),
                        goldTexts.get(k), goldType, section.header(), section.type()));
            }
        }
        for (int k = 0; k < gold.size(); k++) {
            if (!goldMatched[k]) {
                mismatches.accept(new HeaderMismatch(reportId, variant, Kind.MISSED, offsets.get(k), goldTexts.get(k),
                        gold.get(k).type(), "", ""));
            }
        }
        return new HeaderScores(gold.size(), predicted.size(), matched, typeCorrect);
    }

    /**
     * Reads the reports of an MTSamples-style CSV: the row id is the first column, the text is the column named
     * {@code transcription}.
     *
     * @throws ConfigurationException when the file is missing, unreadable or has no {@code transcription} column
     */
    public static List<Report> readReports(Path csv) {
        requireFile(csv, "MTSamples reports CSV");
        try (QuotedCsvReader reader = new QuotedCsvReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            Optional<List<String>> header = reader.next();
            int column = header.map(h -> h.indexOf("transcription")).orElse(-1);
            if (column < 0) {
                throw new ConfigurationException(csv + " has no 'transcription' column");
            }
            List<Report> reports = new ArrayList<>();
            for (Optional<List<String>> row = reader.next(); row.isPresent(); row = reader.next()) {
                List<String> fields = row.get();
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                reports.add(new Report(fields.get(0), column < fields.size() ? fields.get(column) : ""));
            }
            return reports;
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigurationException("cannot read the reports CSV " + csv + ": " + e.getMessage(), e);
        }
    }

    private static Path requireFile(Path path, String what) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationException("the " + what + " was not found at " + path
                    + "; point chartroom.shared at the shared data folder");
        }
        return path;
    }
}
