package org.chartroom.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartroom.api.corpus.MtSamplesReader;
import org.chartroom.asr.AsrSettings;
import org.chartroom.asr.format.DictationFormatter;
import org.chartroom.asr.format.SpokenForm;
import org.chartroom.asr.lm.LanguageModelTrainer;
import org.chartroom.core.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chartroom asr train-lm CORPUS}: the medical language model and dictionary for PocketSphinx. */
@Command(name = "asr", mixinStandardHelpOptions = true, description = "Dictation models.",
        subcommands = {AsrCommand.TrainLm.class})
final class AsrCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "train-lm", mixinStandardHelpOptions = true, description = {
            "Build a medical language model (trigram of the notes in spoken form) and dictionary (CMU + espeak-ng)",
            "from CORPUS: the MTSamples CSV, or a text file with one note per line. PocketSphinx uses it when present."})
    static final class TrainLm implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "CORPUS", description = "MTSamples CSV or a text file (one note per line).")
        Path corpus;

        @Option(names = "--before-row", defaultValue = "3000", description = "With the CSV: use only rows before"
                + " this one (the later rows are the evaluation's dictations). Default: ${DEFAULT-VALUE}.")
        int beforeRow;

        @Option(names = "--out", description = "Output folder (default: <models>/" + AsrSettings.MEDICAL_FOLDER
                + ", where PocketSphinx finds it).")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(corpus)) {
                throw new InvalidInputException("no corpus file at " + corpus);
            }
            List<String> notes;
            if (MtSamplesReader.looksLikeMtSamples(corpus)) {
                List<MtSamplesReader.Report> reports = MtSamplesReader.read(corpus);
                // MTSamples repeats a report under several specialties: a held-out note's copies are held out too.
                java.util.Set<String> heldOut = reports.stream().filter(r -> r.row() >= beforeRow)
                        .map(r -> r.transcription().strip()).collect(java.util.stream.Collectors.toSet());
                notes = reports.stream().filter(r -> r.row() < beforeRow)
                        .map(MtSamplesReader.Report::transcription)
                        .filter(t -> !heldOut.contains(t.strip())).toList();
            } else {
                notes = Files.readAllLines(corpus);
            }
            Path target = out != null ? out
                    : AsrSettings.modelsDir(data.dataDir, System.getenv()).resolve(AsrSettings.MEDICAL_FOLDER);
            System.err.printf("training on %d notes%n", notes.size());
            LanguageModelTrainer.Result r = new LanguageModelTrainer(new SpokenForm(new DictationFormatter()))
                    .train(notes, target);
            System.out.printf("medical model in %s: %d sentences, %d words, %d pronounced by espeak-ng,"
                    + " %d without a pronunciation%n", r.folder(), r.sentences(), r.vocabulary(), r.fromEspeak(),
                    r.unpronounced());
            return 0;
        }
    }
}
