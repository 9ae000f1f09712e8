package org.chartroom.api.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chartroom.api.bench.BenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chartroom eval asr}: accuracy figures (one pass; {@code bench asr} repeats it for medians). */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluations against reference data.",
        subcommands = {EvalCommand.Asr.class})
final class EvalCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "asr", mixinStandardHelpOptions = true, description = {
            "Dictation WER (sclite normalisation, cross-checked with sctk) on the shared speech samples and on a",
            "flite-synthesized dictation set; WER before and after formatting, heading F1, real-time factor."})
    static final class Asr implements Callable<Integer> {
        @Mixin
        AsrEvaluationOptions options;

        @picocli.CommandLine.Option(names = "--out", defaultValue = "bench-results",
                description = "Folder for the JSON results. Default: ${DEFAULT-VALUE}.")
        java.nio.file.Path out;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> figures = options.measureAll(options.dictations(), options.shared());
            BenchReport report = new BenchReport("eval-asr", figures, List.of(figures));
            report.print(System.out);
            System.out.println("  written to " + report.write(out));
            return 0;
        }
    }
}
