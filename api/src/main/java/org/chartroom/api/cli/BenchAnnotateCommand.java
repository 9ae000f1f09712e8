package org.chartroom.api.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.chartroom.api.bench.AnnotateBenchmark;
import org.chartroom.api.corpus.MtSamplesReader;
import org.chartroom.api.runtime.Components;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chartroom bench annotate}: annotate throughput (notes/s, median of the runs) and memory on MTSamples. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Annotate every MTSamples note (sections, concepts, context, codes); notes/s and memory.")
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
