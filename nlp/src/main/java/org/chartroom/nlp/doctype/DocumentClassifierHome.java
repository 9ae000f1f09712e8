package org.chartroom.nlp.doctype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.chartroom.core.error.ConfigurationException;

/**
 * Where the document-type classifier lives ({@code <data>/models/doctype/}) and the corpus it is trained from on
 * first use.
 *
 * @param folder the classifier folder
 * @param corpus the labelled corpus (setting {@value #SETTING}), if one is configured or found
 */
public record DocumentClassifierHome(Path folder, Optional<Path> corpus) {
    /** The setting that names the training corpus. */
    public static final String SETTING = "CHARTROOM_DOCTYPE_CORPUS";

    /**
     * The home inside {@code dataDir}, with the corpus from {@value #SETTING} or, when unset, the shared development
     * copy {@code ../shared/data/mtsamples/mtsamples.csv} when it exists.
     */
    public static DocumentClassifierHome of(Path dataDir, Map<String, String> env) {
        String configured = env.get(SETTING);
        Optional<Path> corpus = configured != null && !configured.isBlank()
                ? Optional.of(Path.of(configured))
                : Optional.of(Path.of("..", "shared", "data", "mtsamples", "mtsamples.csv")).filter(Files::isRegularFile);
        return new DocumentClassifierHome(dataDir.resolve("models").resolve("doctype"), corpus);
    }

    /** Whether a classifier has been built here. */
    public boolean exists() {
        return DocumentClassifier.exists(folder);
    }

    /**
     * Opens the classifier, training it first when it is missing (about a minute on 2 cores).
     *
     * @throws ConfigurationException when it must be built and no corpus is configured or found
     */
    public DocumentClassifier open(Consumer<String> progress) {
        if (!exists()) {
            build(progress);
        }
        return DocumentClassifier.load(folder);
    }

    /**
     * Trains (or retrains) the classifier from the corpus.
     *
     * @throws ConfigurationException when no corpus is configured or found
     */
    public void build(Consumer<String> progress) {
        Path csv = corpus.orElseThrow(() -> new ConfigurationException("the document-type classifier is missing"
                + " from " + folder + " and no training corpus is configured: set " + SETTING + " to an"
                + " MTSamples-style CSV (columns medical_specialty, transcription)"));
        progress.accept("doctype: training the document-type classifier in " + folder + " from " + csv
                + " (once)");
        List<LabelledNote> notes = DocumentClassCorpus.read(csv, DocumentClassLabels.standard());
        DocumentClassifier classifier = new DocumentClassTrainer().train(notes,
                notes.size() + " distinct notes of " + csv.getFileName(), progress);
        try {
            classifier.save(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the document-type classifier to " + folder, e);
        }
        progress.accept("doctype: classifier written to " + folder);
    }
}
