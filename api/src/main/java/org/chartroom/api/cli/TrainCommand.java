package org.chartroom.api.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.chartroom.nlp.doctype.DocumentClassifierHome;
import org.chartroom.nlp.eval.HeldOutSplit;
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

    /** The options of a model trained from typed notes: the corpus and where the model goes. */
    static final class TypedNotes {
        @Mixin
        EvalCommand.Shared shared;

        @Mixin
        DataOption data;

        @Option(names = "--corpus", paramLabel = "CSV",
                description = "Typed notes. Default: data/mtsamples/mtsamples.csv of the shared folder.")
        Path corpus;

        @Option(names = "--out", paramLabel = "DIR", description = "Where to write the model. Default: <data>/models/…")
        Path out;

        Path csv() {
            return shared.reportsOr(corpus);
        }

        Path folder(String name) {
            return out != null ? out : data.dataDir.resolve("models").resolve(name);
        }
    }

    @Command(name = "spoken-headings", mixinStandardHelpOptions = true, description = {
            "Train the spoken-heading model from typed notes (an MTSamples-style CSV with a 'transcription' column):",
            "their written headers label where the headings are in the same notes turned speech-like.",
            "The built-in model is this command on the shared MTSamples development notes with",
            "--out nlp/src/main/resources/org/chartroom/nlp."})
    static final class SpokenHeadings implements Callable<Integer> {
        @Mixin
        TypedNotes typed;

        @Override
        public Integer call() throws Exception {
            Path csv = typed.csv();
            Path folder = typed.folder("spoken-headings");
            List<String> notes = new HeldOutSplit(HeldOutSplit.STANDARD_FOLDS).distinctNotes(csv, -1);
            long started = System.nanoTime();
            SpokenHeadingModel model = new SpokenHeadingTrainer(HeaderVocabulary.standard()).train(notes,
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
        TypedNotes typed;

        @Option(names = "--exclude-fold", paramLabel = "N", defaultValue = "-1",
                description = "Leave out fold N (of 5, by text hash) for evaluation. Default: none.")
        int excludeFold;

        @Override
        public Integer call() throws Exception {
            Path csv = typed.csv();
            Path folder = typed.folder("spoken-sentences");
            List<String> notes = new HeldOutSplit(HeldOutSplit.STANDARD_FOLDS).distinctNotes(csv, excludeFold);
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
