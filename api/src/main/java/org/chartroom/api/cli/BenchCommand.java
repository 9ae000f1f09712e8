package org.chartroom.api.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartroom.api.bench.BenchReport;
import org.chartroom.api.bench.IngestBenchmark;
import org.chartroom.api.bench.PipelineBenchmark;
import org.chartroom.api.bench.SearchBenchmark;
import org.chartroom.api.corpus.MtSamplesReader;
import org.chartroom.api.runtime.BulkIntake;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.runtime.ChartroomSettings;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.error.ConfigurationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chartroom bench ingest|search}: throughput and latency figures, as a table and as JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (figures as a table and JSON).",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Search.class, BenchCommand.PipelineBench.class,
                OcrBenchCommand.class,
                BenchAsrCommand.class, BenchAnnotateCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options every benchmark takes. */
    static final class Common {
        @Option(names = "--csv", defaultValue = "${env:CHARTROOM_MTSAMPLES:-../shared/data/mtsamples/mtsamples.csv}",
                description = "The MTSamples CSV. Default: ${DEFAULT-VALUE} (env CHARTROOM_MTSAMPLES).")
        Path csv;

        @Option(names = "--runs", defaultValue = "3", description = "Measured runs. Default: ${DEFAULT-VALUE}.")
        int runs;

        @Option(names = "--warmup", defaultValue = "1",
                description = "Unmeasured warm-up runs first (reported as the cold figures). Default: ${DEFAULT-VALUE}.")
        int warmup;

        @Option(names = "--intake-threads", defaultValue = "4",
                description = "Uploads stored at once. Default: ${DEFAULT-VALUE}.")
        int intakeThreads;

        @Option(names = "--encryption", defaultValue = "on", paramLabel = "on|off",
                description = {"Encryption at rest of originals, intake records and index. Default: ${DEFAULT-VALUE}.",
                        "Run once with each (search: on separate --data folders) to measure its cost."})
        String encryption;

        @Option(names = "--out", defaultValue = "bench-results",
                description = "Folder for the JSON results. Default: ${DEFAULT-VALUE}.")
        Path out;

        List<MtSamplesReader.Report> reports() {
            if (!csv.toFile().isFile()) {
                throw new ConfigurationException("the MTSamples CSV is not at " + csv.toAbsolutePath()
                        + "; pass --csv PATH or set CHARTROOM_MTSAMPLES");
            }
            return MtSamplesReader.read(csv);
        }

        boolean encrypted() {
            return switch (encryption) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--encryption is on or off, not '" + encryption + "'");
            };
        }

        void publish(BenchReport report) {
            report.print(System.out);
            System.out.println("  written to " + report.write(out));
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Load the MTSamples reports end to end (intake, extract, nlp, index); documents/s, memory.")
    static final class Ingest implements Callable<Integer> {
        @Mixin
        DataOption data;

        @picocli.CommandLine.Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            common.publish(new IngestBenchmark(common.reports(), data.settings(), common.intakeThreads,
                    common.encrypted()).run(common.warmup, common.runs));
            return 0;
        }
    }

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = {"Documents/s through the pipeline and upload → searchable latency: embedded, and with the "
                    + "stages in 1 and 2 worker processes over Pulsar (needs --pulsar; start a broker with "
                    + ".ci/pulsar.sh start && .ci/pulsar.sh wait).",
                    "Each run on a fresh data directory and fresh topics; the figures are medians over the runs."})
    static final class PipelineBench implements Callable<Integer> {
        @Mixin
        DataOption data;

        @picocli.CommandLine.Mixin
        Common common;

        @Mixin
        PulsarOption pulsar;

        @Option(names = "--modes", split = ",", defaultValue = "embedded,1,2",
                description = "embedded and worker counts. Default: ${DEFAULT-VALUE}.")
        List<String> modes;

        @Option(names = "--documents", defaultValue = "1000",
                description = "MTSamples reports per run. Default: ${DEFAULT-VALUE}.")
        int documents;

        @Option(names = "--probes", defaultValue = "20",
                description = "Upload → searchable probes per run. Default: ${DEFAULT-VALUE}.")
        int probes;

        @Option(names = "--refresh-ms", defaultValue = "100",
                description = "How soon the index shows new documents (CHARTROOM_REFRESH_MS in production, 1000 by "
                        + "default): short here so the pipeline's own latency shows. Default: ${DEFAULT-VALUE}.")
        long refreshMs;

        @Override
        public Integer call() throws Exception {
            ChartroomSettings t = data.settings();
            ChartroomSettings settings = new ChartroomSettings(t.dataDir(), t.maxUploadBytes(), t.workers(),
                    java.time.Duration.ofMillis(refreshMs), t.commitInterval(), t.tokenTtl());
            common.publish(new PipelineBenchmark(common.reports(), documents, settings,
                    java.util.Optional.ofNullable(pulsar.url).filter(u -> !u.isBlank()), common.intakeThreads, probes)
                    .run(modes.stream().map(PipelineBenchmark.Mode::parse).toList(), common.warmup, common.runs));
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Search latency (p50/p95/p99) over a fixed list of 200+ queries, facets and highlights on.",
                    "Uses the documents in --data; when it has none, loads the MTSamples CSV into it first."})
    static final class Search implements Callable<Integer> {
        @Mixin
        DataOption data;

        @picocli.CommandLine.Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            ChartroomSettings settings = data.settings();
            Encryption encryption = common.encrypted()
                    ? ChartroomRuntime.encryption(settings, System.getenv()) : Encryption.off();
            try (ChartroomRuntime runtime = ChartroomRuntime.open(settings, encryption)) {
                if (runtime.documentCount() == 0) {
                    List<MtSamplesReader.Report> reports = common.reports();
                    System.err.printf("loading %d MTSamples reports into %s first%n", reports.size(),
                            settings.dataDir());
                    BulkIntake.run(runtime, reports.stream().map(MtSamplesReader.Report::intakeItem).toList(),
                            common.intakeThreads, () -> { });
                    runtime.awaitIdle(java.time.Duration.ofMinutes(30));
                    runtime.flush();
                }
                common.publish(SearchBenchmark.run(runtime, common.warmup, common.runs, encryption.enabled()));
            }
            return 0;
        }
    }
}
