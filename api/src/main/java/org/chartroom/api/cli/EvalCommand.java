package org.chartroom.api.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chartroom.api.bench.BenchReport;
import org.chartroom.api.runtime.Components;
import org.chartroom.nlp.ClinicalNoteAnnotator;
import org.chartroom.nlp.doctype.DocumentClassCorpus;
import org.chartroom.nlp.doctype.DocumentClassEvaluation;
import org.chartroom.nlp.doctype.DocumentClassLabels;
import org.chartroom.nlp.doctype.LabelledNote;
import org.chartroom.nlp.eval.CodeEvaluation;
import org.chartroom.nlp.eval.NegationEvaluation;
import org.chartroom.nlp.eval.SectionCrossValidation;
import org.chartroom.nlp.eval.SectionEvaluation;
import org.chartroom.nlp.eval.SentenceBoundaryEvaluation;
import org.chartroom.nlp.eval.SectionEvaluationResult;
import org.chartroom.nlp.section.HeaderVocabulary;
import org.chartroom.nlp.section.Sectionizer;
import org.chartroom.nlp.section.SpokenHeadingModel;
import org.chartroom.nlp.sentence.SpokenSentenceModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chartroom eval negation|sections|sentences|codes|doctype|asr}: the NLP metrics on the shared development sets, and the
 * dictation figures (one pass; {@code bench asr} repeats it for medians).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate the clinical NLP on the shared development sets and print the metrics.",
        subcommands = {EvalCommand.Negation.class, EvalCommand.Sections.class, EvalCommand.Codes.class,
                EvalCommand.Sentences.class, EvalCommand.Doctype.class, EvalCommand.Asr.class})
final class EvalCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The shared data folder option. */
    static final class Shared {
        @Option(names = "--shared", paramLabel = "DIR", defaultValue = "${env:CHARTROOM_SHARED:-../shared}",
                description = "The shared data folder (data/, spec/). Default: ${DEFAULT-VALUE} (env CHARTROOM_SHARED).")
        Path folder;

        /** The given corpus, or the shared MTSamples development reports. */
        Path reportsOr(Path corpus) {
            return corpus != null ? corpus : folder.resolve(SectionEvaluation.REPORTS);
        }
    }

    @Command(name = "negation", mixinStandardHelpOptions = true,
            description = "NegEx dev set: accuracy and precision/recall/F1 of the Negated class (ConText on targets).")
    static final class Negation implements Callable<Integer> {
        @Mixin
        Shared shared;

        @Override
        public Integer call() {
            NegationEvaluation.Result r = new NegationEvaluation(new ClinicalNoteAnnotator()).run(shared.folder);
            System.out.printf("negation (%s): %d items%n  accuracy   %.4f%n  precision  %.4f%n  recall     %.4f%n"
                            + "  F1         %.4f%n  (tp %d, fp %d, fn %d)%n", NegationEvaluation.GOLD, r.items(),
                    r.accuracy(), r.precision(), r.recall(), r.f1(), r.truePositives(), r.falsePositives(),
                    r.falseNegatives());
            return 0;
        }
    }

    @Command(name = "sections", mixinStandardHelpOptions = true, description = {
            "Section header gold: header P/R/F1 and type accuracy, written and speech-like.",
            "--cross-validate N adds the spoken-heading model's held-out estimate (N trainings)."})
    static final class Sections implements Callable<Integer> {
        @Mixin
        Shared shared;

        @Option(names = "--spoken-model", paramLabel = "DIR",
                description = "A spoken-heading model made by 'chartroom train spoken-headings'. Default: built in.")
        Path spokenModel;

        @Option(names = "--cross-validate", paramLabel = "FOLDS", defaultValue = "0",
                description = "Also train and score the spoken-heading model on FOLDS held-out folds (e.g. 5).")
        int folds;

        @Override
        public Integer call() {
            HeaderVocabulary vocabulary = HeaderVocabulary.standard();
            SpokenHeadingModel model = spokenModel == null ? SpokenHeadingModel.builtIn()
                    : SpokenHeadingModel.load(spokenModel);
            SectionEvaluationResult r = new SectionEvaluation(new Sectionizer(vocabulary, model)).run(shared.folder);
            System.out.print(r.summary());
            System.out.println("  (spoken-heading model: " + model.trainedOn() + ")");
            if (folds > 0) {
                System.out.print(new SectionCrossValidation(vocabulary).run(shared.folder, folds, System.err::println)
                        .summary());
            }
            return 0;
        }
    }

    @Command(name = "sentences", mixinStandardHelpOptions = true, description = {
            "Sentence ends in unpunctuated dictation: the spoken-sentence model against the typed notes' own",
            "sentence ends, on the development notes it was not trained on (its held-out fold)."})
    static final class Sentences implements Callable<Integer> {
        @Mixin
        Shared shared;

        @Option(names = "--spoken-model", paramLabel = "DIR",
                description = "A model made by 'chartroom train spoken-sentences'. Default: built in.")
        Path spokenModel;

        @Override
        public Integer call() {
            SpokenSentenceModel model = spokenModel == null ? SpokenSentenceModel.builtIn()
                    : SpokenSentenceModel.load(spokenModel);
            System.out.print(new SentenceBoundaryEvaluation().run(shared.folder, model).summary());
            System.out.println("  (model: " + model.trainedOn() + ")");
            return 0;
        }
    }

    @Command(name = "doctype", mixinStandardHelpOptions = true, description = {
            "Document type and specialty classifier on the MTSamples development notes: trained on 4/5 of them,",
            "scored on the held-out fifth (fold 0 by text hash): accuracy, macro-F1, per-label scores, confusions",
            "and the majority-label baseline."})
    static final class Doctype implements Callable<Integer> {
        @Mixin
        Shared shared;

        @Option(names = "--corpus", paramLabel = "CSV",
                description = "Labelled notes. Default: data/mtsamples/mtsamples.csv of the shared folder.")
        Path corpus;

        @Override
        public Integer call() {
            List<LabelledNote> notes = DocumentClassCorpus.read(shared.reportsOr(corpus), DocumentClassLabels.standard());
            System.out.print(new DocumentClassEvaluation().run(notes, System.err::println).summary());
            return 0;
        }
    }

    @Command(name = "codes", mixinStandardHelpOptions = true,
            description = "ICD-10-CM phrase gold: top-1 and top-5 accuracy (gold or alternate), category accuracy.")
    static final class Codes implements Callable<Integer> {
        @Mixin
        Shared shared;

        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            CodeEvaluation.Result r = new CodeEvaluation(Components.codes(data.dataDir).suggester())
                    .run(shared.folder);
            System.out.printf("codes (%s): %d phrases%n  top-1      %.4f%n  top-5      %.4f%n  category   %.4f%n",
                    CodeEvaluation.GOLD, r.items(), r.top1Accuracy(), r.top5Accuracy(), r.categoryAccuracy());
            return 0;
        }
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
