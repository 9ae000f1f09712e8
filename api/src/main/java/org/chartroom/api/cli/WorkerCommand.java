package org.chartroom.api.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.chartroom.api.runtime.ChartroomSettings;
import org.chartroom.api.runtime.WorkerRuntime;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.ingest.queue.pulsar.PulsarSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chartroom worker}: some of the pipeline's stages, taking work from Pulsar, until SIGTERM or Ctrl-C. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run some of the pipeline's stages for `chartroom serve --pulsar`, taking work from Pulsar.",
                "Start as many as the load needs, on the serving machine or on machines sharing its data directory."})
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--stages", split = ",", paramLabel = "STAGE", defaultValue = "extract,ocr,asr,nlp",
            description = "Stages to run, of extract, ocr, asr, nlp (the index stage runs in the serving process). "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> stages;

    @Mixin
    PulsarOption pulsar;

    @Override
    public Integer call() throws Exception {
        ChartroomSettings settings = data.settings();
        PulsarSettings broker = settings.pulsar(System.getenv(), pulsar.url, false).orElseThrow(() ->
                new ConfigurationException("a worker takes its work from Pulsar: pass --pulsar pulsar://host:6650 "
                        + "or set CHARTROOM_PULSAR_URL"));
        Set<Stage> run = parse(stages);
        WorkerRuntime worker = WorkerRuntime.open(settings, broker, run);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }, "chartroom-shutdown"));
        System.out.printf("Chartroom worker running %s from %s (data directory %s). Stop with Ctrl-C.%n",
                String.join(",", stages), broker.serviceUrl(), settings.dataDir());
        System.out.flush();
        stopped.await();
        return 0;
    }

    static Set<Stage> parse(List<String> names) {
        Set<Stage> parsed = EnumSet.noneOf(Stage.class);
        for (String name : names) {
            try {
                parsed.add(Stage.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("unknown stage '" + name + "' in --stages; the stages are extract, "
                        + "ocr, asr, nlp");
            }
        }
        return parsed;
    }
}
