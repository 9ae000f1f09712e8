package org.chartroom.api.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chartroom.asr.AsrSettings;
import org.chartroom.asr.vosk.ModelArchive;
import org.chartroom.asr.vosk.ModelFetcher;
import org.chartroom.core.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chartroom models fetch NAME}: installs a catalogued speech model, checked against its SHA-256. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Speech models.",
        subcommands = {ModelsCommand.Fetch.class})
final class ModelsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download a model archive (e.g. vosk-small-en-us), check its SHA-256, unpack it atomically.")
    static final class Fetch implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "NAME", description = "A catalogued model: vosk-small-en-us.")
        String name;

        @Option(names = "--dir", description = "Models folder (default: CHARTROOM_MODELS, else <data>/models).")
        Path dir;

        @Override
        public Integer call() {
            ModelArchive archive = ModelArchive.named(name).orElseThrow(() -> new InvalidInputException(
                    "no model named " + name + " in the catalogue; known: " + String.join(", ",
                            ModelArchive.catalogue().stream().map(ModelArchive::name).toList())));
            Path root = dir != null ? dir : AsrSettings.modelsDir(data.dataDir, System.getenv());
            System.err.println("fetching " + archive.url());
            ModelFetcher.Outcome outcome = ModelFetcher.withDefaultClient().fetch(archive, root);
            System.out.println((outcome.downloaded() ? "installed " : "already installed: ") + outcome.modelDir());
            System.out.println("set CHARTROOM_VOSK_MODEL=" + outcome.modelDir().toAbsolutePath()
                    + " (found there by default when --data is the same)");
            return 0;
        }
    }
}
