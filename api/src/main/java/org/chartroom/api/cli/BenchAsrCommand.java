package org.chartroom.api.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chartroom.api.bench.BenchReport;
import org.chartroom.api.bench.Stats;
import org.chartroom.asr.eval.DictationSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chartroom bench asr}: the {@code eval asr} figures over several runs, medians reported. */
@Command(name = "asr", mixinStandardHelpOptions = true, description = {
        "Dictation: WER before/after formatting, heading F1, real-time factor at 1 and 2 streams, model load time,",
        "peak memory; stock and medical (train-lm) PocketSphinx, or Vosk. Medians over --runs."})
final class BenchAsrCommand implements Callable<Integer> {
    @Mixin
    AsrEvaluationOptions options;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--out", defaultValue = "bench-results",
            description = "Folder for the JSON results. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<DictationSample> dictations = options.dictations();
        List<DictationSample> shared = options.shared();
        List<Map<String, Object>> perRun = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            System.err.printf("run %d of %d%n", i + 1, runs);
            perRun.add(options.measureAll(dictations, shared));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String key : perRun.get(0).keySet()) {
            Object first = perRun.get(0).get(key);
            if (first instanceof Double) {
                summary.put(key, Stats.median(perRun.stream().map(r -> (Double) r.get(key)).toList()));
            } else {
                summary.put(key, first);
            }
        }
        BenchReport report = new BenchReport("asr", summary, perRun);
        report.print(System.out);
        System.out.println("  written to " + report.write(out));
        return 0;
    }
}
