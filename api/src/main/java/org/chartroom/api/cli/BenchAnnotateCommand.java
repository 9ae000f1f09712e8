package org.chartroom.api.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.chartroom.api.bench.AnnotateBenchmark;
import org.chartroom.api.corpus.MtSamplesReader;
import org.chartroom.api.runtime.Components;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chartroom bench annotate}: annotate throughput on notes never seen before (notes/s, median of the runs, each
 * on its own slice of the distinct MTSamples notes), CPU per note, and memory.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Annotate MTSamples notes (sections, concepts, context, codes); notes/s, CPU per note, memory.",
                "Each pass (warm-up or run) gets its own slice of the distinct notes: no note is annotated twice."})
final class BenchAnnotateCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Mixin
    BenchCommand.Common common;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (0 = one per core).")
    int threads;

    @Override
    public Integer call() throws Exception {
        List<String> notes = common.reports().stream().map(MtSamplesReader.Report::transcription).toList();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        common.publish(new AnnotateBenchmark(Components.annotator(data.dataDir), notes, n)
                .run(common.warmup, common.runs));
        return 0;
    }
}
