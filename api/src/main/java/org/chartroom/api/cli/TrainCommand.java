package org.chartroom.api.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.chartroom.nlp.doctype.DocumentClassifierHome;
import org.chartroom.nlp.eval.SectionEvaluation;
import org.chartroom.nlp.eval.SentenceBoundaryEvaluation;
import org.chartroom.nlp.section.HeaderVocabulary;
import org.chartroom.nlp.section.SpokenHeadingModel;
import org.chartroom.nlp.section.SpokenHeadingTrainer;
import org.chartroom.nlp.sentence.SpokenSentenceModel;
import org.chartroom.nlp.sentence.SpokenSentenceTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chartroom train spoken-headings|spoken-sentences|doctype}: the learned NLP models, trained from a corpus of
 * typed notes.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train the learned NLP models.",
        subcommands = {TrainCommand.SpokenHeadings.class, TrainCommand.SpokenSentences.class, TrainCommand.Doctype.class})
final class TrainCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "spoken-headings", mixinStandardHelpOptions = true, description = {
            "Train the spoken-heading model from typed notes (an MTSamples-style CSV with a 'transcription' column):",
            "their written headers label where the headings are in the same notes turned speech-like.",
            "The built-in model is this command on the shared MTSamples development notes with",
            "--out nlp/src/main/resources/org/chartroom/nlp."})
    static final class SpokenHeadings implements Callable<Integer> {
        @Mixin
        EvalCommand.Shared shared;

        @Mixin
        DataOption data;

        @Option(names = "--corpus", paramLabel = "CSV",
                description = "Typed notes. Default: data/mtsamples/mtsamples.csv of the shared folder.")
        Path corpus;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Where to write the model. Default: <data>/models/spoken-headings.")
        Path out;

        @Override
        public Integer call() throws Exception {
            Path csv = shared.reportsOr(corpus);
            Path folder = out != null ? out : data.dataDir.resolve("models").resolve("spoken-headings");
            Set<String> notes = new LinkedHashSet<>();
            for (SectionEvaluation.Report report : SectionEvaluation.readReports(csv)) {
                if (!report.text().isBlank()) {
                    notes.add(report.text());
                }
            }
            long started = System.nanoTime();
            SpokenHeadingModel model = new SpokenHeadingTrainer(HeaderVocabulary.standard()).train(List.copyOf(notes),
                    notes.size() + " distinct notes of " + csv.getFileName(), System.err::println);
            model.save(folder);
            System.out.printf("spoken-heading model (%s, threshold %.2f) written to %s in %.0f s%n",
                    model.trainedOn(), model.threshold(), folder, (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }

    @Command(name = "spoken-sentences", mixinStandardHelpOptions = true, description = {
            "Train the model that finds sentence ends in unpunctuated dictation, from typed notes turned speech-like.",
            "The built-in model is this command on the shared MTSamples development notes with --exclude-fold 0",
            "--out nlp/src/main/resources/org/chartroom/nlp (fold 0 then scores it: chartroom eval sentences)."})
    static final class SpokenSentences implements Callable<Integer> {
        @Mixin
        EvalCommand.Shared shared;

        @Mixin
        DataOption data;

        @Option(names = "--corpus", paramLabel = "CSV",
                description = "Typed notes. Default: data/mtsamples/mtsamples.csv of the shared folder.")
        Path corpus;

        @Option(names = "--exclude-fold", paramLabel = "N", defaultValue = "-1",
                description = "Leave out fold N (of 5, by text hash) for evaluation. Default: none.")
        int excludeFold;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Where to write the model. Default: <data>/models/spoken-sentences.")
        Path out;

        @Override
        public Integer call() throws Exception {
            Path csv = shared.reportsOr(corpus);
            Path folder = out != null ? out : data.dataDir.resolve("models").resolve("spoken-sentences");
            List<String> notes = SentenceBoundaryEvaluation.trainingNotes(csv, excludeFold);
            long started = System.nanoTime();
            String trainedOn = notes.size() + " distinct notes of " + csv.getFileName()
                    + (excludeFold < 0 ? "" : ", fold " + excludeFold + " of 5 left out");
            SpokenSentenceModel model = new SpokenSentenceTrainer().train(notes, trainedOn, excludeFold,
                    System.err::println);
            model.save(folder);
            System.out.printf("spoken-sentence model (%s) written to %s in %.0f s%n", trainedOn, folder,
                    (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }

    @Command(name = "doctype", mixinStandardHelpOptions = true, description = {
            "Train the document type and specialty classifier into <data>/models/doctype (about a minute).",
            "annotate builds it on first use; the server uses it when it is there."})
    static final class Doctype implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--corpus", paramLabel = "CSV", description = {"Labelled notes (columns medical_specialty,",
                "transcription). Default: " + DocumentClassifierHome.SETTING + ", else ../shared/data/mtsamples."})
        Path corpus;

        @Override
        public Integer call() {
            DocumentClassifierHome home = DocumentClassifierHome.of(data.dataDir, System.getenv());
            if (corpus != null) {
                home = new DocumentClassifierHome(home.folder(), Optional.of(corpus));
            }
            long started = System.nanoTime();
            home.build(System.err::println);
            System.out.printf("document-type classifier written to %s in %.0f s%n", home.folder(),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }
}
