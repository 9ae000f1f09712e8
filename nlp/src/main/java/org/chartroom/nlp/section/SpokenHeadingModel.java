package org.chartroom.nlp.section;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.learn.MaxentModelFiles;

import opennlp.tools.ml.model.MaxentModel;

/**
 * The trained spoken-heading classifier: an OpenNLP maximum-entropy model over the
 * {@link SpokenHeadingFeatures} of a candidate, with outcomes {@value #HEADING} and {@value #PROSE}, and the
 * probability threshold above which a candidate is taken as a heading. Stored as {@code spoken-heading-model.bin.gz}
 * and {@code spoken-heading-model.properties} (threshold, feature version, what it was trained on, the learned
 * header phrases; see
 * {@link MaxentModelFiles}). The built-in model ships in the jar next to the rule files;
 * {@value #COMMAND} makes a new one. Immutable and thread-safe.
 */
public final class SpokenHeadingModel {
    public static final String HEADING = "H";
    public static final String PROSE = "O";
    static final MaxentModelFiles FILES = new MaxentModelFiles("spoken-heading-model");
    public static final String MODEL_FILE = FILES.modelFile();
    public static final String PROPERTIES_FILE = FILES.propertiesFile();
    static final String COMMAND = "chartroom train spoken-headings";
    /** The property listing the learned phrases, separated by {@value #PHRASE_SEPARATOR}. */
    static final String PHRASES = "phrases";
    private static final String PHRASE_SEPARATOR = ";";

    private static final class BuiltIn {
        static final SpokenHeadingModel INSTANCE = of(FILES.loadResource(), "the built-in model");
    }

    private final MaxentModel model;
    private final int headingIndex;
    private final double threshold;
    private final String trainedOn;
    private final List<String> phrases;

    SpokenHeadingModel(MaxentModel model, double threshold, String trainedOn) {
        this(model, threshold, trainedOn, List.of());
    }

    SpokenHeadingModel(MaxentModel model, double threshold, String trainedOn, List<String> phrases) {
        this.model = model;
        this.headingIndex = model.getIndex(HEADING);
        if (headingIndex < 0 || model.getIndex(PROSE) < 0) {
            throw new ConfigurationException("the spoken-heading model lacks the outcomes " + HEADING + "/" + PROSE
                    + "; retrain it with " + COMMAND);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new ConfigurationException("the spoken-heading threshold must lie between 0 and 1, not " + threshold);
        }
        this.threshold = threshold;
        this.trainedOn = trainedOn;
        this.phrases = List.copyOf(phrases);
    }

    /** The model that ships with Chartroom (loaded once). */
    public static SpokenHeadingModel builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** The probability that the candidate with these features is a heading. */
    public double probability(String[] features) {
        return model.eval(features)[headingIndex];
    }

    public boolean isHeading(String[] features) {
        return probability(features) >= threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** A description of the training notes (for the properties file and the console). */
    public String trainedOn() {
        return trainedOn;
    }

    /**
     * The header phrases the model learned from its training notes beyond the vocabulary (speech-like words, e.g.
     * {@code family social history}): candidates too, so that headings a site writes but its vocabulary lacks are
     * found when spoken.
     */
    public List<String> phrases() {
        return phrases;
    }

    /** The same model with another threshold. */
    public SpokenHeadingModel withThreshold(double newThreshold) {
        return new SpokenHeadingModel(model, newThreshold, trainedOn, phrases);
    }

    /**
     * Writes the two files into {@code folder} (created if needed).
     *
     * @throws IOException when the folder cannot be written
     */
    public void save(Path folder) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("threshold", Double.toString(threshold));
        properties.put("features", SpokenHeadingFeatures.VERSION);
        properties.put("trainedOn", trainedOn);
        properties.put(PHRASES, String.join(PHRASE_SEPARATOR, phrases));
        FILES.save(folder, model, properties, COMMAND);
    }

    /**
     * Loads a model saved by {@link #save} from {@code folder}.
     *
     * @throws ConfigurationException when a file is missing or unreadable, or was made for other features
     */
    public static SpokenHeadingModel load(Path folder) {
        return of(FILES.load(folder, COMMAND), folder.toString());
    }

    private static SpokenHeadingModel of(MaxentModelFiles.Loaded loaded, String where) {
        String what = "the spoken-heading model in " + where;
        loaded.requireFeatures(SpokenHeadingFeatures.VERSION, what, COMMAND);
        String phraseList = loaded.properties().getProperty(PHRASES, "").strip();
        return new SpokenHeadingModel(loaded.model(), loaded.threshold(what),
                loaded.properties().getProperty("trainedOn", ""),
                phraseList.isEmpty() ? List.of() : List.of(phraseList.split(PHRASE_SEPARATOR)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SpokenHeadingModel[threshold=%.2f, %s]", threshold, trainedOn);
    }
}
