package org.chartroom.nlp.doctype;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chartroom.core.document.DocumentType;
import org.chartroom.core.error.ChartroomException;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * Maps a corpus category label onto what the classifier suggests: a document type or a specialty
 * ({@code doctype-labels.tsv}; a label not listed there is a specialty named as written). Immutable, thread-safe.
 */
public final class DocumentClassLabels {
    static final String RESOURCE = "doctype-labels.tsv";

    /** What a label tells. */
    public enum Axis {
        TYPE, SPECIALTY, NONE
    }

    /** A mapped label. */
    public record Label(Axis axis, String value) {
    }

    private final Map<String, Label> byCorpusLabel;

    DocumentClassLabels(List<RuleLine> lines) {
        Map<String, Label> map = new HashMap<>();
        for (RuleLine line : lines) {
            Axis axis;
            try {
                axis = Axis.valueOf(line.field(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("bad axis at " + line.where() + "; use type, specialty or none", e);
            }
            String value = line.field(2);
            if (axis == Axis.TYPE) {
                try {
                    value = DocumentType.parse(value).code();
                } catch (ChartroomException e) {
                    throw new ConfigurationException("unknown document type '" + value + "' at " + line.where()
                            + "; use one of " + DocumentType.codes(), e);
                }
            }
            map.put(key(line.field(0)), new Label(axis, value));
        }
        this.byCorpusLabel = Map.copyOf(map);
    }

    /** The mapping that ships with Chartroom. */
    public static DocumentClassLabels standard() {
        return new DocumentClassLabels(RuleFile.readResource(RESOURCE));
    }

    /** What a corpus label tells (blank labels tell nothing). */
    public Label of(String corpusLabel) {
        String label = corpusLabel == null ? "" : corpusLabel.strip();
        if (label.isEmpty()) {
            return new Label(Axis.NONE, "");
        }
        return byCorpusLabel.getOrDefault(key(label), new Label(Axis.SPECIALTY, label));
    }

    private static String key(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
