package org.chartroom.nlp.doctype;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.text.DocumentClassification;
import org.chartroom.nlp.doctype.DocumentClassLabels.Axis;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * Suggests a note's document type and specialty with two OpenNLP document categorizers over its words (see
 * {@link #words}). Stored in a
 * folder as {@value #TYPE_MODEL}, {@value #SPECIALTY_MODEL} and {@value #PROPERTIES}; the models are immutable and
 * this class is thread-safe (a categorizer is made per call).
 */
public final class DocumentClassifier {
    static final String TYPE_MODEL = "type.bin";
    static final String SPECIALTY_MODEL = "specialty.bin";
    static final String PROPERTIES = "doctype.properties";
    /** Identifies the features (tokenisation); a folder made for another format is rebuilt. */
    static final String FORMAT = "1";
    private static final int MIN_WORD = 2;

    private final DoccatModel typeModel;
    private final DoccatModel specialtyModel;
    private final String trainedOn;

    DocumentClassifier(DoccatModel typeModel, DoccatModel specialtyModel, String trainedOn) {
        this.typeModel = typeModel;
        this.specialtyModel = specialtyModel;
        this.trainedOn = trainedOn;
    }

    /** The suggested type and specialty of {@code text} ({@link DocumentClassification#NONE} for a blank text). */
    public DocumentClassification classify(String text) {
        if (text == null || text.isBlank()) {
            return DocumentClassification.NONE;
        }
        String[] words = words(text);
        Best type = best(typeModel, words);
        Best specialty = best(specialtyModel, words);
        return new DocumentClassification(type.label(), type.probability(), specialty.label(),
                specialty.probability());
    }

    /** The best label of one axis for already tokenised words (the evaluation calls this). */
    String best(Axis axis, String[] words) {
        return best(axis == Axis.TYPE ? typeModel : specialtyModel, words).label();
    }

    public String trainedOn() {
        return trainedOn;
    }

    private record Best(String label, double probability) {
    }

    private static Best best(DoccatModel model, String[] words) {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        double[] scores = categorizer.categorize(words);
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return new Best(categorizer.getCategory(best), scores[best]);
    }

    /**
     * The words the models see: runs of letters (and digits after a letter, "t4", "l5"), lower case, at least two
     * characters. Runs, not the tokenizer's tokens: MTSamples writes line breaks as commas without a space
     * ("pain.,PLAN"), which a tokenizer keeps inside one token, and held-out accuracy was 3 to 6 points higher
     * with runs.
     */
    static String[] words(String text) {
        List<String> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i - start >= MIN_WORD) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
        return words.toArray(new String[0]);
    }

    /** Whether {@code folder} holds a classifier of this format. */
    public static boolean exists(Path folder) {
        Path properties = folder.resolve(PROPERTIES);
        if (!Files.isRegularFile(properties) || !Files.isRegularFile(folder.resolve(TYPE_MODEL))
                || !Files.isRegularFile(folder.resolve(SPECIALTY_MODEL))) {
            return false;
        }
        try (InputStream in = Files.newInputStream(properties)) {
            Properties p = new Properties();
            p.load(in);
            return FORMAT.equals(p.getProperty("format"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Loads the classifier saved in {@code folder}.
     *
     * @throws ConfigurationException when it is missing, of another format or unreadable
     */
    public static DocumentClassifier load(Path folder) {
        if (!exists(folder)) {
            throw new ConfigurationException("no document-type classifier in " + folder
                    + "; build it with chartroom train doctype");
        }
        try (InputStream in = Files.newInputStream(folder.resolve(PROPERTIES))) {
            Properties p = new Properties();
            p.load(in);
            return new DocumentClassifier(new DoccatModel(folder.resolve(TYPE_MODEL)),
                    new DoccatModel(folder.resolve(SPECIALTY_MODEL)),
                    p.getProperty("trainedOn", ""));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the document-type classifier in " + folder
                    + "; rebuild it with chartroom train doctype", e);
        }
    }

    /**
     * Writes the classifier into {@code folder}: into a new folder beside it first, then moved into place, so that
     * a crash leaves the old classifier or none, never half of one.
     *
     * @throws IOException when the folder cannot be written
     */
    public void save(Path folder) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, folder.getFileName() + ".new-");
        try (OutputStream out = Files.newOutputStream(staging.resolve(TYPE_MODEL))) {
            typeModel.serialize(out);
        }
        try (OutputStream out = Files.newOutputStream(staging.resolve(SPECIALTY_MODEL))) {
            specialtyModel.serialize(out);
        }
        Files.writeString(staging.resolve(PROPERTIES), "# Chartroom document-type classifier (chartroom train doctype)\n"
                + "format=" + FORMAT + "\n" + "trainedOn=" + trainedOn.replace("\n", " ").replace("\\", "/") + "\n",
                StandardCharsets.ISO_8859_1);
        if (Files.exists(folder)) {
            Path old = Files.createTempDirectory(parent, folder.getFileName() + ".old-");
            Files.delete(old);
            Files.move(folder, old);
            Files.move(staging, folder);
            deleteTree(old);
        } else {
            Files.move(staging, folder);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
