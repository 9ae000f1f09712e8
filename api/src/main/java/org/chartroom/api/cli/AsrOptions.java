package org.chartroom.api.cli;

import org.chartroom.asr.AsrSettings;
import org.chartroom.asr.engine.EngineChoice;
import picocli.CommandLine.Option;

/** The options of the dictation commands: the engine, on top of the {@code CHARTROOM_ASR_*} settings. */
final class AsrOptions {
    @Option(names = "--engine", paramLabel = "auto|vosk|pocketsphinx",
            description = "Recogniser (default: CHARTROOM_ASR_ENGINE, else auto).")
    String engine;

    @Option(names = "--stock-lm", description = "Use PocketSphinx's stock language model even when a medical one"
            + " was built with `chartroom asr train-lm`.")
    boolean stockLm;

    AsrSettings settings(DataOption data) {
        AsrSettings settings = AsrSettings.fromEnvironment(data.dataDir, System.getenv());
        if (engine != null) {
            settings = settings.withEngine(EngineChoice.parse(engine));
        }
        return stockLm ? settings.withStockLanguageModel(true) : settings;
    }
}
