package org.chartroom.api.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.chartroom.api.runtime.BulkIntake;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.runtime.ChartroomSettings;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.KeyRing;

/**
 * Ingest throughput on the MTSamples reports, into a fresh data directory per run: end to end (durable intake with
 * the pipeline alongside, until every document is searchable and committed) and the pipeline alone (extract → nlp →
 * index from the stored originals).
 */
public final class IngestBenchmark {
    private final List<MtSamplesReader.Report> reports;
    private final List<BulkIntake.Item> items;
    private final ChartroomSettings template;
    private final int intakeThreads;
    private final boolean encrypted;

    /** @param encrypted whether originals, intake records and index are encrypted (with a fresh key per run) */
    public IngestBenchmark(List<MtSamplesReader.Report> reports, ChartroomSettings template, int intakeThreads,
                           boolean encrypted) {
        this.encrypted = encrypted;
        this.reports = reports;
        this.items = reports.stream().map(MtSamplesReader.Report::intakeItem).toList();
        this.template = template;
        this.intakeThreads = intakeThreads;
    }

    /**
     * {@code warmups} unmeasured runs first (the JIT compiles the hot paths; a server runs warm), then {@code runs}
     * measured ones. The warm-up figures are kept in the report as the cold-start numbers.
     */
    public BenchReport run(int warmups, int runs) throws InterruptedException {
        List<Map<String, Object>> cold = new ArrayList<>();
        for (int w = 1; w <= warmups; w++) {
            cold.add(once(-w));
        }
        List<Map<String, Object>> perRun = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            perRun.add(once(r));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("documents", reports.size());
        summary.put("workers", template.workers());
        summary.put("intakeThreads", intakeThreads);
        summary.put("encryption", encrypted ? "on" : "off");
        for (String key : List.of("endToEndDocumentsPerSecond", "pipelineDocumentsPerSecond",
                "intakeDocumentsPerSecond", "endToEndSeconds", "pipelineSeconds", "endToEndCpuMsPerDocument",
                "pipelineCpuMsPerDocument")) {
            summary.put(key, median(perRun, key));
        }
        summary.put("peakRssMib", median(perRun, "peakRssMib"));
        summary.put("peakHeapMib", median(perRun, "peakHeapMib"));
        if (!cold.isEmpty()) {
            summary.put("coldEndToEndDocumentsPerSecond", cold.get(0).get("endToEndDocumentsPerSecond"));
            summary.put("coldPipelineDocumentsPerSecond", cold.get(0).get("pipelineDocumentsPerSecond"));
        }
        return new BenchReport(encrypted ? "ingest" : "ingest-encryption-off", summary, perRun);
    }

    /**
     * One run, two phases on a fresh data directory. End to end: bulk intake (durable originals) with the pipeline
     * working alongside, as `chartroom ingest` does. Pipeline only: the index is deleted and the data directory
     * reopened, so recovery queues every stored original again and extract → nlp → index runs alone.
     */
    private Map<String, Object> once(int run) throws InterruptedException {
        Path dir = template.dataDir().resolve("bench-ingest-run-" + (run < 0 ? "warmup" + -run : run));
        delete(dir);
        ChartroomSettings settings = new ChartroomSettings(dir, template.maxUploadBytes(), template.workers(),
                template.refreshInterval(), template.commitInterval(), template.tokenTtl());
        // A key in memory rather than a keystore per run: the same cipher work as in production, no key files.
        Encryption encryption = encrypted ? Encryption.with(new KeyRing(KeyRing.newKey(), List.of(), "benchmark"))
                : Encryption.off();
        System.gc();
        ProcessMemory.resetPeaks();
        long cpuStarted = CpuTime.processNanos();
        long started = System.nanoTime();
        double intakeSeconds;
        try (ChartroomRuntime runtime = ChartroomRuntime.open(settings, encryption);
             ProgressBar bar = new ProgressBar(label(run) + " end to end", reports.size())) {
            BulkIntake.Outcome outcome = BulkIntake.run(runtime, items, intakeThreads, () -> { });
            intakeSeconds = (System.nanoTime() - started) / 1e9;
            if (outcome.rejectedCount() > 0) {
                throw new IllegalStateException("run " + run + ": intake refused " + outcome.rejected());
            }
            awaitIndexed(runtime, bar);
        }
        double endToEnd = (System.nanoTime() - started) / 1e9;
        double endToEndCpu = (CpuTime.processNanos() - cpuStarted) / 1e9;
        double peakRss = ProcessMemory.peakRssMib();
        double peakHeap = ProcessMemory.peakHeapMib();

        delete(settings.indexDir());
        long cpuReopened = CpuTime.processNanos();
        long reopened = System.nanoTime();
        try (ChartroomRuntime runtime = ChartroomRuntime.open(settings, encryption);
             ProgressBar bar = new ProgressBar(label(run) + " pipeline only", reports.size())) {
            awaitIndexed(runtime, bar);
        }
        double pipeline = (System.nanoTime() - reopened) / 1e9;
        double pipelineCpu = (CpuTime.processNanos() - cpuReopened) / 1e9;

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("run", run);
        figures.put("documents", reports.size());
        figures.put("endToEndSeconds", endToEnd);
        figures.put("endToEndDocumentsPerSecond", reports.size() / endToEnd);
        figures.put("intakeSeconds", intakeSeconds);
        figures.put("intakeDocumentsPerSecond", reports.size() / intakeSeconds);
        figures.put("pipelineSeconds", pipeline);
        figures.put("pipelineDocumentsPerSecond", reports.size() / pipeline);
        // CPU milliseconds per document (all threads): what a document costs, whatever else runs on the machine.
        figures.put("endToEndCpuMsPerDocument", endToEndCpu * 1000 / reports.size());
        figures.put("pipelineCpuMsPerDocument", pipelineCpu * 1000 / reports.size());
        figures.put("peakRssMib", peakRss);
        figures.put("peakHeapMib", peakHeap);
        delete(dir);
        return figures;
    }

    private static String label(int run) {
        return run < 0 ? "warm-up " + -run : "run " + run;
    }

    /** Waits until every report is indexed and committed; fails the run if any is missing. */
    private void awaitIndexed(ChartroomRuntime runtime, ProgressBar bar) throws InterruptedException {
        while (!runtime.awaitIdle(Duration.ofMillis(200))) {
            bar.stepTo(reports.size() - runtime.pending());
        }
        runtime.flush();
        bar.stepTo(runtime.documentCount());
        if (runtime.documentCount() != reports.size()) {
            throw new IllegalStateException("indexed " + runtime.documentCount() + " of " + reports.size());
        }
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
