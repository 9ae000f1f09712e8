package org.chartroom.nlp.sentence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.learn.MaxentModelFiles;
import org.chartroom.nlp.section.SpokenHeadingFeatures;

import opennlp.tools.ml.model.MaxentModel;

/**
 * Where sentences end in text without punctuation (a dictation transcript): an OpenNLP maximum-entropy model that
 * decides, for the gap after each word, whether a sentence ends there ({@value #END}) or goes on ({@value #GO_ON}),
 * from the two words on each side and their classes ({@link SpokenHeadingFeatures#wordClass}). Trained from typed
 * notes turned speech-like by {@link SpokenSentenceTrainer}; the built-in model was trained without fold
 * {@value #HELD_OUT_FOLD} of the development notes ({@code HeldOutSplit}, 5 folds), so that fold measures it. Files: {@code
 * spoken-sentence-model.bin.gz} and {@code .properties} ({@link MaxentModelFiles}). Immutable and thread-safe.
 */
public final class SpokenSentenceModel {
    static final String END = "E";
    static final String GO_ON = "C";
    /** Identifies the features; a model for another version is refused. */
    public static final String VERSION = "1";
    /** The development fold the built-in model was not trained on. */
    public static final int HELD_OUT_FOLD = 0;
    static final MaxentModelFiles FILES = new MaxentModelFiles("spoken-sentence-model");
    static final String COMMAND = "chartroom train spoken-sentences";

    private static final class BuiltIn {
        static final SpokenSentenceModel INSTANCE = of(FILES.loadResource(), "the built-in model");
    }

    private final MaxentModel model;
    private final int endIndex;
    private final double threshold;
    private final String trainedOn;
    private final int heldOutFold;
    private final SpokenHeadingFeatures classes;

    SpokenSentenceModel(MaxentModel model, double threshold, String trainedOn, int heldOutFold,
                        SpokenHeadingFeatures classes) {
        this.model = model;
        this.endIndex = model.getIndex(END);
        if (endIndex < 0 || model.getIndex(GO_ON) < 0) {
            throw new ConfigurationException("the spoken-sentence model lacks the outcomes " + END + "/" + GO_ON
                    + "; retrain it with " + COMMAND);
        }
        this.threshold = threshold;
        this.trainedOn = trainedOn;
        this.heldOutFold = heldOutFold;
        this.classes = classes;
    }

    /** The model that ships with Chartroom (loaded once). */
    public static SpokenSentenceModel builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** The words after which a sentence ends (the last word always ends one). */
    public BitSet ends(String[] words) {
        BitSet ends = new BitSet(words.length);
        for (int i = 0; i + 1 < words.length; i++) {
            if (model.eval(features(words, i, classes))[endIndex] >= threshold) {
                ends.set(i);
            }
        }
        if (words.length > 0) {
            ends.set(words.length - 1);
        }
        return ends;
    }

    public String trainedOn() {
        return trainedOn;
    }

    /** The fold of the {@code HeldOutSplit} (5 folds) the model was not trained on, or -1 when it saw every note. */
    public int heldOutFold() {
        return heldOutFold;
    }

    /** The features of the gap after word {@code i}. */
    static String[] features(String[] words, int i, SpokenHeadingFeatures classes) {
        String before = word(words, i);
        String before2 = word(words, i - 1);
        String after = word(words, i + 1);
        String after2 = word(words, i + 2);
        String cBefore = classes.wordClass(before);
        String cBefore2 = classes.wordClass(before2);
        String cAfter = classes.wordClass(after);
        String cAfter2 = classes.wordClass(after2);
        return new String[] {
            "w0=" + before, "w1=" + after, "w-1,0=" + before2 + "_" + before, "w1,2=" + after + "_" + after2,
            "w0|w1=" + before + "|" + after, "c0=" + cBefore, "c1=" + cAfter, "c-1,0=" + cBefore2 + "_" + cBefore,
            "c1,2=" + cAfter + "_" + cAfter2, "c0|c1=" + cBefore + "|" + cAfter, "w0|c1=" + before + "|" + cAfter,
            "c0|w1=" + cBefore + "|" + after,
        };
    }

    private static String word(String[] words, int i) {
        return i < 0 ? "<s>" : i >= words.length ? "</s>" : words[i];
    }

    /**
     * Writes the model into {@code folder}.
     *
     * @throws IOException when the folder cannot be written
     */
    public void save(Path folder) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("threshold", Double.toString(threshold));
        properties.put("features", VERSION);
        properties.put("heldOutFold", Integer.toString(heldOutFold));
        properties.put("trainedOn", trainedOn);
        FILES.save(folder, model, properties, COMMAND);
    }

    /**
     * Loads a model from {@code folder}.
     *
     * @throws ConfigurationException when it is missing, unreadable or made for other features
     */
    public static SpokenSentenceModel load(Path folder) {
        return of(FILES.load(folder, COMMAND), folder.toString());
    }

    private static SpokenSentenceModel of(MaxentModelFiles.Loaded loaded, String where) {
        String what = "the spoken-sentence model in " + where;
        loaded.requireFeatures(VERSION, what, COMMAND);
        Properties properties = loaded.properties();
        try {
            return new SpokenSentenceModel(loaded.model(), loaded.threshold(what),
                    properties.getProperty("trainedOn", ""),
                    Integer.parseInt(properties.getProperty("heldOutFold", "-1")), SpokenSentenceTrainer.wordClasses());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(what + " has a bad heldOutFold; retrain it with " + COMMAND, e);
        }
    }
}
