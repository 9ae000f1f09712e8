package org.chartroom.nlp.sentence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.chartroom.core.error.ConfigurationException;

import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Finds and loads the OpenNLP models from the model jars on the classpath ({@code opennlp-models-sentdetect-en},
 * {@code opennlp-models-tokenizer-en}). Those jars carry the model file at their root next to a
 * {@code model.properties} naming it ({@code model.name}, {@code model.language}, {@code model.sha256}); this class
 * reads the descriptors, so an upgraded model jar needs no code change. In a single application jar, where only one
 * descriptor survives, the model file is found by its name next to the model jar's Maven metadata. Each model is loaded once and shared: the
 * models are thread-safe (the detectors and tokenizers made from them are not).
 */
public final class OpenNlpModels {
    private static final String DESCRIPTOR = "model.properties";

    /** The kinds of model, by the part of the file name that tells them apart. */
    private enum Kind {
        SENTENCE("-sentence-", "sentdetect"), TOKENS("-tokens-", "tokenizer");

        final String nameFragment;
        final String artifact;

        Kind(String nameFragment, String artifact) {
            this.nameFragment = nameFragment;
            this.artifact = artifact;
        }
    }

    private interface Reader<M> {
        M read(InputStream in) throws IOException;
    }

    private static final class EnglishSentences {
        static final SentenceModel MODEL = load(OpenNlpModels.class.getClassLoader(), "en", Kind.SENTENCE,
                SentenceModel::new);
    }

    private static final class EnglishTokens {
        static final TokenizerModel MODEL = load(OpenNlpModels.class.getClassLoader(), "en", Kind.TOKENS,
                TokenizerModel::new);
    }

    private OpenNlpModels() {
    }

    /** The English sentence model (loaded on first use). */
    public static SentenceModel englishSentences() {
        return EnglishSentences.MODEL;
    }

    /** The English tokenizer model (loaded on first use). */
    public static TokenizerModel englishTokens() {
        return EnglishTokens.MODEL;
    }


    /**
     * Loads a model of the given kind for {@code language} from the model jars visible to {@code loader}.
     *
     * @throws ConfigurationException when no such model is on the classpath or it is corrupt
     */
    private static <M> M load(ClassLoader loader, String language, Kind kind, Reader<M> reader) {
        try {
            for (URL descriptor : Collections.list(loader.getResources(DESCRIPTOR))) {
                Properties properties = new Properties();
                try (InputStream in = descriptor.openStream()) {
                    properties.load(in);
                }
                String name = properties.getProperty("model.name", "");
                if (!language.equals(properties.getProperty("model.language")) || !name.contains(kind.nameFragment)) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = new URL(descriptor, name).openStream()) {
                    bytes = in.readAllBytes();
                }
                verify(name, bytes, properties.getProperty("model.sha256", ""));
                return reader.read(new ByteArrayInputStream(bytes));
            }
            Optional<URL> packed = packedModel(loader, language, kind);
            if (packed.isPresent()) {
                try (InputStream in = packed.get().openStream()) {
                    return reader.read(new ByteArrayInputStream(in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the OpenNLP " + kind.artifact + " model for '" + language
                    + "' from the classpath", e);
        }
        throw new ConfigurationException("no OpenNLP " + kind.artifact + " model for '" + language
                + "' on the classpath; add the org.apache.opennlp:opennlp-models-" + kind.artifact + "-" + language
                + " dependency");
    }

    /**
     * The model file when the descriptors were merged away: a single application jar (the shaded
     * {@code chartroom.jar}) keeps only one {@code model.properties} at its root, but every model file, and each
     * model jar's {@code META-INF/maven/.../pom.properties}. The model is the root entry of the archive holding that
     * pom whose name has the language and the kind ({@code opennlp-en-...-tokens-....bin}).
     */
    private static Optional<URL> packedModel(ClassLoader loader, String language, Kind kind) throws IOException {
        String pom = "META-INF/maven/org.apache.opennlp/opennlp-models-" + kind.artifact + "-" + language
                + "/pom.properties";
        URL pomUrl = loader.getResource(pom);
        if (pomUrl == null || !(pomUrl.openConnection() instanceof JarURLConnection jar)) {
            return Optional.empty();
        }
        String prefix = "opennlp-" + language + "-";
        try (JarFile file = new JarFile(jarPath(jar.getJarFileURL()).toFile())) {
            return file.stream().map(JarEntry::getName)
                    .filter(name -> name.indexOf('/') < 0 && name.startsWith(prefix) && name.endsWith(".bin")
                            && name.contains(kind.nameFragment))
                    .sorted()
                    .findFirst()
                    .map(name -> loader.getResource(name));
        }
    }

    private static java.nio.file.Path jarPath(URL url) throws IOException {
        try {
            return java.nio.file.Path.of(url.toURI());
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot locate the model jar " + url, e);
        }
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
