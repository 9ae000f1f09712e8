package org.chartroom.nlp.sentence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Properties;

import org.chartroom.core.error.ConfigurationException;

import opennlp.tools.sentdetect.SentenceModel;

/**
 * Finds and loads the OpenNLP sentence model from a model jar on the classpath. OpenNLP model jars
 * ({@code opennlp-models-sentdetect-en}) carry the model file at their root next to a {@code model.properties}
 * naming it ({@code model.name}, {@code model.language}, {@code model.sha256}); this class reads those descriptors,
 * so an upgraded model jar needs no code change. The model is loaded once and shared: {@link SentenceModel} is
 * thread-safe (the detectors made from it are not).
 */
public final class SentenceModels {
    private static final String DESCRIPTOR = "model.properties";

    private static final class English {
        static final SentenceModel MODEL = load(SentenceModels.class.getClassLoader(), "en");
    }

    private SentenceModels() {
    }

    /** The English sentence model (loaded on first use). */
    public static SentenceModel english() {
        return English.MODEL;
    }

    /**
     * Loads the sentence model for {@code language} from the model jars visible to {@code loader}.
     *
     * @throws ConfigurationException when no such model is on the classpath or it is corrupt
     */
    static SentenceModel load(ClassLoader loader, String language) {
        try {
            for (URL descriptor : Collections.list(loader.getResources(DESCRIPTOR))) {
                Properties properties = new Properties();
                try (InputStream in = descriptor.openStream()) {
                    properties.load(in);
                }
                String name = properties.getProperty("model.name", "");
                if (!language.equals(properties.getProperty("model.language")) || !name.contains("-sentence-")) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = new URL(descriptor, name).openStream()) {
                    bytes = in.readAllBytes();
                }
                verify(name, bytes, properties.getProperty("model.sha256", ""));
                return new SentenceModel(new java.io.ByteArrayInputStream(bytes));
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the OpenNLP sentence model for '" + language
                    + "' from the classpath", e);
        }
        throw new ConfigurationException("no OpenNLP sentence model for '" + language + "' on the classpath;"
                + " add the org.apache.opennlp:opennlp-models-sentdetect-" + language + " dependency");
    }

    private static void verify(String name, byte[] bytes, String expectedSha256) {
        if (expectedSha256.isBlank()) {
            return;
        }
        try {
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equalsIgnoreCase(expectedSha256.strip())) {
                throw new ConfigurationException("the OpenNLP model " + name + " does not match its sha256;"
                        + " the model jar is corrupt, clear it from the Maven repository and rebuild");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
