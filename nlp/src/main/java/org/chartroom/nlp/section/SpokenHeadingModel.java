package org.chartroom.nlp.section;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.chartroom.core.error.ConfigurationException;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The trained spoken-heading classifier: an OpenNLP maximum-entropy model over the
 * {@link SpokenHeadingFeatures} of a candidate, with outcomes {@value #HEADING} and {@value #PROSE}, and the
 * probability threshold above which a candidate is taken as a heading. Stored as two files side by side:
 * {@value #MODEL_FILE} (the gzipped OpenNLP binary model) and {@value #PROPERTIES_FILE} (threshold, feature version,
 * what it was trained on). The built-in model ships in the jar next to the rule files;
 * {@code chartroom train spoken-headings} makes a new one. The model is immutable and thread-safe.
 */
public final class SpokenHeadingModel {
    public static final String HEADING = "H";
    public static final String PROSE = "O";
    public static final String MODEL_FILE = "spoken-heading-model.bin.gz";
    public static final String PROPERTIES_FILE = "spoken-heading-model.properties";
    private static final String RESOURCE_FOLDER = "/org/chartroom/nlp/";

    private static final class BuiltIn {
        static final SpokenHeadingModel INSTANCE = loadResource();
    }

    private final MaxentModel model;
    private final int headingIndex;
    private final double threshold;
    private final String trainedOn;

    SpokenHeadingModel(MaxentModel model, double threshold, String trainedOn) {
        this.model = model;
        this.headingIndex = model.getIndex(HEADING);
        if (headingIndex < 0 || model.getIndex(PROSE) < 0) {
            throw new ConfigurationException("the spoken-heading model lacks the outcomes " + HEADING + "/" + PROSE
                    + "; retrain it with chartroom train spoken-headings");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new ConfigurationException("the spoken-heading threshold must lie between 0 and 1, not " + threshold);
        }
        this.threshold = threshold;
        this.trainedOn = trainedOn;
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

    /** The same model with another threshold. */
    public SpokenHeadingModel withThreshold(double newThreshold) {
        return new SpokenHeadingModel(model, newThreshold, trainedOn);
    }

    /**
     * Writes the two files into {@code folder} (created if needed), each through a temporary file moved into place.
     *
     * @throws IOException when the folder cannot be written
     */
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path modelTmp = Files.createTempFile(folder, "spoken-heading-model", ".tmp");
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(modelTmp)))) {
            new GenericModelWriter((AbstractModel) model, new DataOutputStream(out)).persist();
        }
        // Written by hand, not Properties.store: no date line, so the same training gives the same file.
        String properties = "# Chartroom spoken-heading model (chartroom train spoken-headings)\n"
                + "threshold=" + threshold + "\n"
                + "features=" + SpokenHeadingFeatures.VERSION + "\n"
                + "trainedOn=" + trainedOn.replace("\n", " ").replace("\\", "/") + "\n";
        Path propertiesTmp = Files.createTempFile(folder, "spoken-heading-model", ".tmp");
        Files.writeString(propertiesTmp, properties, StandardCharsets.ISO_8859_1);
        Files.move(modelTmp, folder.resolve(MODEL_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.move(propertiesTmp, folder.resolve(PROPERTIES_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Loads a model saved by {@link #save} from {@code folder}.
     *
     * @throws ConfigurationException when a file is missing or unreadable, or was made for other features
     */
    public static SpokenHeadingModel load(Path folder) {
        Path modelFile = folder.resolve(MODEL_FILE);
        Path propertiesFile = folder.resolve(PROPERTIES_FILE);
        if (!Files.isRegularFile(modelFile) || !Files.isRegularFile(propertiesFile)) {
            throw new ConfigurationException("no spoken-heading model in " + folder + " (expected " + MODEL_FILE
                    + " and " + PROPERTIES_FILE + "); make one with chartroom train spoken-headings");
        }
        try (InputStream model = Files.newInputStream(modelFile);
             InputStream properties = Files.newInputStream(propertiesFile)) {
            return read(model, properties, folder.toString());
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the spoken-heading model in " + folder, e);
        }
    }

    private static SpokenHeadingModel loadResource() {
        try (InputStream model = SpokenHeadingModel.class.getResourceAsStream(RESOURCE_FOLDER + MODEL_FILE);
             InputStream properties = SpokenHeadingModel.class.getResourceAsStream(RESOURCE_FOLDER + PROPERTIES_FILE)) {
            if (model == null || properties == null) {
                throw new ConfigurationException("the built-in spoken-heading model is missing from the classpath;"
                        + " the chartroom-nlp jar is incomplete, rebuild it");
            }
            return read(model, properties, "the built-in model");
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the built-in spoken-heading model", e);
        }
    }

    private static SpokenHeadingModel read(InputStream modelBytes, InputStream propertiesBytes, String where)
            throws IOException {
        Properties properties = new Properties();
        properties.load(propertiesBytes);
        String version = properties.getProperty("features", "");
        if (!SpokenHeadingFeatures.VERSION.equals(version)) {
            throw new ConfigurationException("the spoken-heading model in " + where + " was trained on features "
                    + "version '" + version + "', this build uses " + SpokenHeadingFeatures.VERSION
                    + "; retrain it with chartroom train spoken-headings");
        }
        double threshold;
        try {
            threshold = Double.parseDouble(properties.getProperty("threshold", ""));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("the spoken-heading model in " + where + " has no valid threshold", e);
        }
        MaxentModel model = new GenericModelReader(new BinaryFileDataReader(
                new GZIPInputStream(new BufferedInputStream(modelBytes)))).getModel();
        return new SpokenHeadingModel(model, threshold, properties.getProperty("trainedOn", ""));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SpokenHeadingModel[threshold=%.2f, %s]", threshold, trainedOn);
    }
}
