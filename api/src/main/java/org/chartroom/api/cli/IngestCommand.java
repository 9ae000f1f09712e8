package org.chartroom.api.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.chartroom.api.corpus.MtSamplesReader;
import org.chartroom.api.runtime.BulkIntake;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chartroom ingest PATH…}: bulk intake of files, folders and the MTSamples CSV into the data directory, with
 * progress bars and a summary. Runs the pipeline in process and returns when everything accepted is searchable.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest files, folders (recursively) or the MTSamples CSV into the data directory.",
                "Files need --mrn and --patient; MTSamples rows get synthetic identities (MTS-<row>)."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders or an MTSamples CSV.")
    List<Path> paths;

    @Option(names = "--mrn", description = "Patient MRN for the files given.")
    String mrn;

    @Option(names = "--patient", description = "Patient name for the files given.")
    String patient;

    @Option(names = "--type", defaultValue = "other",
            description = "Document type for the files given. Default: ${DEFAULT-VALUE}.")
    String type;

    @Option(names = "--author", defaultValue = "${env:USER:-unknown}",
            description = "Author for the files given. Default: ${DEFAULT-VALUE}.")
    String author;

    @Option(names = "--date", description = "Service date (ISO) for the files given. Default: today.")
    LocalDate date;

    @Option(names = "--encounter", defaultValue = "", description = "Encounter id for the files given.")
    String encounter;

    @Option(names = "--limit", description = "Ingest at most this many documents.")
    Integer limit;

    @Option(names = "--intake-threads", defaultValue = "4",
            description = "Uploads stored at once (each waits for an fsync). Default: ${DEFAULT-VALUE}.")
    int intakeThreads;

    @Override
    public Integer call() throws Exception {
        List<BulkIntake.Item> items = collect();
        if (limit != null && items.size() > limit) {
            items = items.subList(0, limit);
        }
        long started = System.nanoTime();
        BulkIntake.Outcome outcome;
        try (ChartroomRuntime runtime = ChartroomRuntime.open(data.settings())) {
            try (ProgressBar bar = progress("intake", items.size())) {
                outcome = BulkIntake.run(runtime, items, intakeThreads, bar::step);
            }
            try (ProgressBar bar = progress("processing", outcome.accepted())) {
                while (!runtime.awaitIdle(Duration.ofMillis(250))) {
                    bar.stepTo(outcome.accepted() - runtime.pending());
                }
                bar.stepTo(outcome.accepted());
            }
            runtime.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("accepted %d, rejected %d, in %.1f s (%.1f documents/s); %d documents in %s%n",
                    outcome.accepted(), outcome.rejectedCount(), seconds, outcome.accepted() / seconds,
                    runtime.documentCount(), runtime.settings().dataDir());
        }
        outcome.rejected().forEach((kind, n) -> System.out.printf("  rejected as %s: %d%n", kind, n));
        outcome.examples().forEach(e -> System.out.println("  " + e));
        return outcome.rejectedCount() == 0 ? 0 : 1;
    }
    private static ProgressBar progress(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).continuousUpdate().build();
    }

    private List<BulkIntake.Item> collect() {
        List<BulkIntake.Item> items = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new InvalidInputException("no such file or folder: " + path);
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(Files::isRegularFile).sorted().forEach(f -> items.add(fileItem(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else if (MtSamplesReader.looksLikeMtSamples(path)) {
                MtSamplesReader.read(path).forEach(r -> items.add(r.intakeItem()));
            } else {
                items.add(fileItem(path));
            }
        }
        return items;
    }

    private BulkIntake.Item fileItem(Path file) {
        if (mrn == null || patient == null) {
            throw new InvalidInputException("files need a patient: pass --mrn and --patient (only MTSamples CSV "
                    + "rows get synthetic identities)");
        }
        DocumentMetadata metadata = new DocumentMetadata(mrn, patient, encounter, DocumentType.parse(type), author,
                date == null ? LocalDate.now() : date, "");
        return new BulkIntake.Item(file.toString(), metadata, file.getFileName().toString(), () -> Files.newInputStream(file));
    }
}
