package org.chartroom.api.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import org.chartroom.api.corpus.MtSamplesReader;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.runtime.ChartroomSettings;

/**
 * End-to-end ingest throughput: the MTSamples reports through intake (durable original), extraction, NLP and the
 * index, into a fresh data directory per run, until every document is searchable and committed.
 */
public final class IngestBenchmark {
    private final List<MtSamplesReader.Report> reports;
    private final ChartroomSettings template;

    public IngestBenchmark(List<MtSamplesReader.Report> reports, ChartroomSettings template) {
        this.reports = reports;
        this.template = template;
    }

    public BenchReport run(int runs) throws InterruptedException {
        List<Map<String, Object>> perRun = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            perRun.add(once(r));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("documents", reports.size());
        summary.put("workers", template.workers());
        summary.put("documentsPerSecond", median(perRun, "documentsPerSecond"));
        summary.put("seconds", median(perRun, "seconds"));
        summary.put("intakeSeconds", median(perRun, "intakeSeconds"));
        summary.put("peakRssMib", median(perRun, "peakRssMib"));
        summary.put("peakHeapMib", median(perRun, "peakHeapMib"));
        return new BenchReport("ingest", summary, perRun);
    }

    private Map<String, Object> once(int run) throws InterruptedException {
        Path dir = template.dataDir().resolve("bench-ingest-run-" + run);
        delete(dir);
        ChartroomSettings settings = new ChartroomSettings(dir, template.maxUploadBytes(), template.workers(),
                template.refreshInterval(), template.commitInterval());
        System.gc();
        ProcessMemory.resetPeaks();
        long started = System.nanoTime();
        double intakeSeconds;
        long indexed;
        try (ChartroomRuntime runtime = ChartroomRuntime.open(settings);
             ProgressBar bar = new ProgressBar("ingest run " + run, reports.size())) {
            for (MtSamplesReader.Report report : reports) {
                runtime.intake().accept(report.metadata(), "mtsamples-" + report.row() + ".txt", "bench",
                        new ByteArrayInputStream(report.transcription().getBytes(StandardCharsets.UTF_8)));
                bar.stepTo(reports.size() - runtime.pending());
            }
            intakeSeconds = (System.nanoTime() - started) / 1e9;
            while (!runtime.awaitIdle(Duration.ofMillis(200))) {
                bar.stepTo(reports.size() - runtime.pending());
            }
            bar.stepTo(reports.size());
            runtime.flush();
            indexed = runtime.documentCount();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("run", run);
        figures.put("documents", indexed);
        figures.put("seconds", seconds);
        figures.put("intakeSeconds", intakeSeconds);
        figures.put("documentsPerSecond", indexed / seconds);
        figures.put("peakRssMib", ProcessMemory.peakRssMib());
        figures.put("peakHeapMib", ProcessMemory.peakHeapMib());
        if (indexed != reports.size()) {
            throw new IllegalStateException("run " + run + " indexed " + indexed + " of " + reports.size());
        }
        delete(dir);
        return figures;
    }

    static double median(List<Map<String, Object>> runs, String key) {
        return Stats.median(runs.stream().map(m -> ((Number) m.get(key)).doubleValue()).toList());
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
