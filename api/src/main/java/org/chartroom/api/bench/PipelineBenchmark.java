package org.chartroom.api.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import me.tongfei.progressbar.ProgressBar;
import org.chartroom.api.corpus.MtSamplesReader;
import org.chartroom.api.runtime.BulkIntake;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.runtime.ChartroomSettings;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.KeyRing;
import org.chartroom.core.crypto.MasterKeys;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.search.SearchQuery;
import org.chartroom.ingest.queue.pulsar.PulsarSettings;

/**
 * The pipeline's throughput and latency with the embedded default and with the stages in worker processes over
 * Pulsar. Each run uses a fresh data directory (and fresh topics): the MTSamples reports are accepted by bulk intake
 * (4 threads) while the pipeline works, and the clock stops when the index holds them all (documents/s, end to end).
 * Then, with the pipeline idle, single probe notes are uploaded one after the other and each is timed from the start
 * of its upload until a search finds it (upload → searchable).
 *
 * <p>Worker modes start {@code chartroom worker} processes from this same jar on the run's data directory, sharing
 * the run's master key through {@code CHARTROOM_MASTER_KEY}; this process runs intake and the index stage, as
 * {@code chartroom serve --pulsar} does.
 */
public final class PipelineBenchmark {
    /** How the stages run: in this process (0 workers) or in that many worker processes. */
    public record Mode(String name, int workers) {
        public static Mode parse(String text) {
            String t = text.strip();
            if (t.equals("embedded")) {
                return new Mode("embedded", 0);
            }
            try {
                int n = Integer.parseInt(t);
                if (n >= 1) {
                    return new Mode(n + (n == 1 ? " worker" : " workers"), n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigurationException("--modes takes embedded and worker counts, e.g. embedded,1,2; not '"
                    + text + "'");
        }
    }

    private final List<BulkIntake.Item> items;
    private final ChartroomSettings template;
    private final Optional<String> pulsarUrl;
    private final int intakeThreads;
    private final int probes;

    /**
     * @param documents how many reports each run loads (the first ones of the CSV)
     * @param pulsarUrl the broker for worker modes
     * @param probes    upload → searchable probes per run
     */
    public PipelineBenchmark(List<MtSamplesReader.Report> reports, int documents, ChartroomSettings template,
                             Optional<String> pulsarUrl, int intakeThreads, int probes) {
        this.items = reports.stream().limit(documents).map(MtSamplesReader.Report::intakeItem).toList();
        this.template = template;
        this.pulsarUrl = pulsarUrl;
        this.intakeThreads = intakeThreads;
        this.probes = probes;
    }

    public BenchReport run(List<Mode> modes, int warmups, int runs) throws Exception {
        if (modes.stream().anyMatch(m -> m.workers() > 0) && pulsarUrl.isEmpty()) {
            throw new ConfigurationException("worker modes need a Pulsar broker: start one (.ci/pulsar.sh start && "
                    + ".ci/pulsar.sh wait) and pass --pulsar pulsar://127.0.0.1:6650, or run --modes embedded");
        }
        List<Map<String, Object>> perRun = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("documents", items.size());
        summary.put("threadsPerProcess", template.workers());
        summary.put("refreshMs", template.refreshInterval().toMillis());
        summary.put("probes", probes);
        // Runs alternate between the modes (embedded, 1, 2, embedded, 1, 2, …), so that a change in the machine's
        // load falls on every mode alike.
        for (int w = 1; w <= warmups; w++) {
            for (Mode mode : modes) {
                once(mode, -w);
            }
        }
        Map<String, List<Map<String, Object>>> measured = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            for (Mode mode : modes) {
                Map<String, Object> figures = once(mode, r);
                measured.computeIfAbsent(mode.name(), k -> new ArrayList<>()).add(figures);
                perRun.add(figures);
            }
        }
        Map<String, Double> latency = new HashMap<>();
        for (Mode mode : modes) {
            List<Map<String, Object>> runsOfMode = measured.get(mode.name());
            summary.put(mode.name() + ": documents/s", IngestBenchmark.median(runsOfMode, "documentsPerSecond"));
            double ms = IngestBenchmark.median(runsOfMode, "searchableMedianMs");
            latency.put(mode.name(), ms);
            summary.put(mode.name() + ": upload→searchable median ms", ms);
            summary.put(mode.name() + ": upload→searchable p95 ms", IngestBenchmark.median(runsOfMode,
                    "searchableP95Ms"));
            summary.put(mode.name() + ": of which intake median ms", IngestBenchmark.median(runsOfMode,
                    "intakeMedianMs"));
        }
        if (latency.containsKey("embedded")) {
            for (Mode mode : modes) {
                if (mode.workers() > 0) {
                    summary.put(mode.name() + ": added latency ms", latency.get(mode.name()) - latency.get("embedded"));
                }
            }
        }
        return new BenchReport("pipeline", summary, perRun);
    }

    private Map<String, Object> once(Mode mode, int run) throws Exception {
        String label = mode.name() + (run < 0 ? ", warm-up " + -run : ", run " + run);
        Path dir = template.dataDir().resolve("bench-pipeline-" + UUID.randomUUID());
        ChartroomSettings settings = new ChartroomSettings(dir, template.maxUploadBytes(), template.workers(),
                template.refreshInterval(), template.commitInterval(), template.tokenTtl());
        SecretKey key = KeyRing.newKey();
        Encryption encryption = Encryption.with(new KeyRing(key, List.of(), "benchmark"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(MasterKeys.MASTER_KEY, Base64.getEncoder().encodeToString(key.getEncoded()));
        Optional<PulsarSettings> pulsar = Optional.empty();
        if (mode.workers() > 0) {
            env.put("CHARTROOM_PULSAR_URL", pulsarUrl.orElseThrow());
            env.put("CHARTROOM_PULSAR_TOPICS", "persistent://public/default/bench-" + UUID.randomUUID() + "-");
            pulsar = settings.pulsar(env, null, true);
        }
        List<Process> workers = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        try (ChartroomRuntime runtime = ChartroomRuntime.open(settings, encryption, pulsar)) {
            for (int w = 1; w <= mode.workers(); w++) {
                workers.add(startWorker(dir, env, dir.resolve("worker-" + w + ".log")));
            }
            long started = System.nanoTime();
            try (ProgressBar bar = new ProgressBar(label, items.size())) {
                BulkIntake.Outcome outcome = BulkIntake.run(runtime, items, intakeThreads, () -> { });
                if (outcome.rejectedCount() > 0) {
                    throw new IllegalStateException(label + ": intake refused " + outcome.rejected());
                }
                awaitCount(runtime, items.size(), bar);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double[][] latencies = probe(runtime);
            figures.put("mode", mode.name());
            figures.put("workers", mode.workers());
            figures.put("run", run);
            figures.put("documents", items.size());
            figures.put("seconds", seconds);
            figures.put("documentsPerSecond", items.size() / seconds);
            figures.put("searchableMedianMs", Stats.percentile(latencies[0], 50));
            figures.put("searchableP95Ms", Stats.percentile(latencies[0], 95));
            figures.put("intakeMedianMs", Stats.percentile(latencies[1], 50));
        } finally {
            for (Process worker : workers) {
                worker.destroy();
                if (!worker.waitFor(60, TimeUnit.SECONDS)) {
                    worker.destroyForcibly();
                }
            }
            IngestBenchmark.delete(dir);
        }
        return figures;
    }

    /**
     * Per probe, milliseconds from the start of its upload until a search finds it ([0]) and until the upload was
     * durably accepted ([1], the part that does not depend on the pipeline).
     */
    private double[][] probe(ChartroomRuntime runtime) throws InterruptedException {
        double[] ms = new double[probes];
        double[] intake = new double[probes];
        DocumentMetadata metadata = new DocumentMetadata("BENCH-PROBE", "Probe Patient", "", DocumentType.OTHER,
                "benchmark", LocalDate.of(2025, 1, 1), "");
        for (int i = 0; i < probes; i++) {
            String marker = "probemarker" + UUID.randomUUID().toString().replace("-", "");
            byte[] note = ("HISTORY OF PRESENT ILLNESS: latency probe " + marker + ".\nPLAN: none.\n")
                    .getBytes(StandardCharsets.UTF_8);
            long started = System.nanoTime();
            runtime.intake().accept(metadata, "probe.txt", "benchmark", new ByteArrayInputStream(note));
            intake[i] = (System.nanoTime() - started) / 1e6;
            SearchQuery query = new SearchQuery(marker, null, null, null, null, null, null, null, 0, 1, false, false);
            long deadline = started + Duration.ofMinutes(2).toNanos();
            while (runtime.search(query).total() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a probe was not searchable within 2 minutes");
                }
                Thread.sleep(2);
            }
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        return new double[][] {ms, intake};
    }

    private static void awaitCount(ChartroomRuntime runtime, int documents, ProgressBar bar)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (runtime.documentCount() < documents) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("indexed " + runtime.documentCount() + " of " + documents
                        + " in 30 minutes");
            }
            bar.stepTo(runtime.documentCount());
            Thread.sleep(20);
        }
        bar.stepTo(documents);
    }

    /** A {@code chartroom worker} from this jar, ready (subscribed) when this returns. */
    private static Process startWorker(Path dir, Map<String, String> env, Path log) throws Exception {
        Path jar = ownJar();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString(), "worker", "--data", dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains("worker ready")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("a worker did not start; its log:\n" + (Files.exists(log)
                        ? Files.readString(log) : ""));
            }
            Thread.sleep(100);
        }
        return process;
    }

    private static Path ownJar() {
        try {
            Path jar = Path.of(PipelineBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new ConfigurationException("worker modes start workers from chartroom.jar: run the benchmark "
                        + "with ./chartroom bench pipeline (java -jar api/target/chartroom.jar)");
            }
            return jar;
        } catch (java.net.URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot locate chartroom.jar", e));
        }
    }
}
