package org.chartroom.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartroom.api.bench.AsrBenchmark;
import org.chartroom.api.corpus.MtSamplesReader;
import org.chartroom.api.runtime.Components;
import org.chartroom.asr.AsrSettings;
import org.chartroom.asr.eval.DictationSample;
import org.chartroom.asr.eval.DictationSynthesizer;
import org.chartroom.asr.eval.SharedAudioSet;
import org.chartroom.asr.format.DictationFormatter;
import org.chartroom.asr.format.SpokenForm;
import org.chartroom.asr.sphinx.PocketSphinxModel;
import org.chartroom.core.error.ConfigurationException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code eval asr} and {@code bench asr} share: the sets and the engine configurations they measure. */
final class AsrEvaluationOptions {
    @Mixin
    DataOption data;

    @Mixin
    AsrOptions asr;

    @Option(names = "--csv", defaultValue = "${env:CHARTROOM_MTSAMPLES:-../shared/data/mtsamples/mtsamples.csv}",
            description = "The dev MTSamples CSV the dictations are read from. Default: ${DEFAULT-VALUE}.")
    Path csv;

    @Option(names = "--audio", defaultValue = "../shared/data/audio",
            description = "The shared speech samples with reference transcripts. Default: ${DEFAULT-VALUE}.")
    Path audio;

    @Option(names = "--notes", defaultValue = "3",
            description = "Synthesized dictations (one note each, voices slt, rms, awb in turn). Default: ${DEFAULT-VALUE}.")
    int notes;

    @Option(names = "--words", defaultValue = "60",
            description = "About how many words of each note are dictated. Default: ${DEFAULT-VALUE}.")
    int words;

    @Option(names = "--first-row", defaultValue = "3000",
            description = "CSV row the dictated notes start from (train-lm uses the rows before it). Default: ${DEFAULT-VALUE}.")
    int firstRow;

    @Option(names = "--work", defaultValue = "bench-results/asr-work",
            description = "Work folder for the synthesized audio (never committed). Default: ${DEFAULT-VALUE}.")
    Path work;

    List<DictationSample> dictations() {
        if (!Files.isRegularFile(csv)) {
            throw new ConfigurationException("the MTSamples CSV is not at " + csv.toAbsolutePath()
                    + "; pass --csv PATH or set CHARTROOM_MTSAMPLES");
        }
        List<DictationSynthesizer.Note> chosen = new ArrayList<>();
        for (MtSamplesReader.Report r : MtSamplesReader.read(csv)) {
            if (r.row() >= firstRow && r.transcription().contains(":") && chosen.size() < notes) {
                chosen.add(new DictationSynthesizer.Note("mts" + r.row(), r.transcription()));
            }
        }
        System.err.printf("synthesizing %d dictations with flite into %s%n", chosen.size(), work);
        return new DictationSynthesizer(new SpokenForm(new DictationFormatter()))
                .synthesize(chosen, words, work.resolve("dictations"));
    }

    List<DictationSample> shared() {
        return Files.isDirectory(audio) ? SharedAudioSet.read(audio) : List.of();
    }

    /** Stock, and the medical model when train-lm built one (unless the engine is forced to Vosk). */
    Map<String, Object> measureAll(List<DictationSample> dictations, List<DictationSample> shared) throws Exception {
        AsrSettings settings = asr.settings(data);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("dictations", dictations.size());
        figures.put("shared audio files", shared.size());
        figures.putAll(AsrBenchmark.measure("stock", settings.withStockLanguageModel(true), dictations, shared,
                Components.annotator(), work));
        if (!asr.stockLm && PocketSphinxModel.adapted(settings.medicalModel()).missingFile().isEmpty()) {
            figures.putAll(AsrBenchmark.measure("medical", settings, dictations, shared, Components.annotator(),
                    work));
        }
        return figures;
    }
}
