package org.chartroom.nlp.learn;

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
import java.util.Map;
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
 * A trained OpenNLP model as two files side by side: {@code NAME.bin.gz} (the gzipped OpenNLP binary model) and
 * {@code NAME.properties} (what the model needs besides its weights: threshold, feature version, what it was
 * trained on). The built-in models ship in the jar under {@code org/chartroom/nlp/}; a site's are in a folder.
 *
 * @param name the file name stem, e.g. {@code spoken-heading-model}
 */
public record MaxentModelFiles(String name) {
    private static final String RESOURCE_FOLDER = "/org/chartroom/nlp/";

    /** A loaded model and its properties. */
    public record Loaded(MaxentModel model, Properties properties) {
        /**
         * Checks that the model was trained on the features of {@code version}.
         *
         * @throws ConfigurationException naming {@code command} to retrain it, when it was not
         */
        public void requireFeatures(String version, String what, String command) {
            String found = properties.getProperty("features", "");
            if (!version.equals(found)) {
                throw new ConfigurationException(what + " was trained on features version '" + found
                        + "', this build uses " + version + "; retrain it with " + command);
            }
        }

        /**
         * The decision threshold, strictly between 0 and 1.
         *
         * @throws ConfigurationException when it is missing or out of range
         */
        public double threshold(String what) {
            try {
                double threshold = Double.parseDouble(properties.getProperty("threshold", ""));
                if (threshold > 0 && threshold < 1) {
                    return threshold;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigurationException(what + " has no valid threshold (a number between 0 and 1)");
        }
    }

    public String modelFile() {
        return name + ".bin.gz";
    }

    public String propertiesFile() {
        return name + ".properties";
    }

    /**
     * Writes both files into {@code folder} (created if needed), each through a temporary file moved into place.
     * The properties are written in the given order and without a date, so the same training gives the same files.
     *
     * @throws IOException when the folder cannot be written
     */
    public void save(Path folder, MaxentModel model, Map<String, String> properties, String command)
            throws IOException {
        Files.createDirectories(folder);
        Path modelTmp = Files.createTempFile(folder, name, ".tmp");
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(modelTmp)))) {
            new GenericModelWriter((AbstractModel) model, new DataOutputStream(out)).persist();
        }
        StringBuilder text = new StringBuilder("# Chartroom " + name + " (" + command + ")\n");
        properties.forEach((key, value) -> text.append(key).append('=')
                .append(value.replace("\n", " ").replace("\\", "/")).append('\n'));
        Path propertiesTmp = Files.createTempFile(folder, name, ".tmp");
        Files.writeString(propertiesTmp, text, StandardCharsets.ISO_8859_1);
        Files.move(modelTmp, folder.resolve(modelFile()), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.move(propertiesTmp, folder.resolve(propertiesFile()), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Loads the two files from {@code folder}.
     *
     * @param command the command that makes them, named in the error
     * @throws ConfigurationException when a file is missing or unreadable
     */
    public Loaded load(Path folder, String command) {
        Path model = folder.resolve(modelFile());
        Path properties = folder.resolve(propertiesFile());
        if (!Files.isRegularFile(model) || !Files.isRegularFile(properties)) {
            throw new ConfigurationException("no " + name + " in " + folder + " (expected " + modelFile() + " and "
                    + propertiesFile() + "); make one with " + command);
        }
        try (InputStream m = Files.newInputStream(model); InputStream p = Files.newInputStream(properties)) {
            return read(m, p);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the " + name + " in " + folder + "; make it again with "
                    + command, e);
        }
    }

    /**
     * Loads the built-in files from the classpath.
     *
     * @throws ConfigurationException when they are missing (a broken build)
     */
    public Loaded loadResource() {
        try (InputStream m = MaxentModelFiles.class.getResourceAsStream(RESOURCE_FOLDER + modelFile());
             InputStream p = MaxentModelFiles.class.getResourceAsStream(RESOURCE_FOLDER + propertiesFile())) {
            if (m == null || p == null) {
                throw new ConfigurationException("the built-in " + name + " is missing from the classpath;"
                        + " the chartroom-nlp jar is incomplete, rebuild it");
            }
            return read(m, p);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the built-in " + name, e);
        }
    }

    private static Loaded read(InputStream modelBytes, InputStream propertiesBytes) throws IOException {
        Properties properties = new Properties();
        properties.load(propertiesBytes);
        MaxentModel model = new GenericModelReader(new BinaryFileDataReader(
                new GZIPInputStream(new BufferedInputStream(modelBytes)))).getModel();
        return new Loaded(model, properties);
    }
}
