package org.chartroom.nlp.doctype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.doctype.DocumentClassLabels.Axis;
import org.chartroom.nlp.doctype.DocumentClassLabels.Label;
import org.chartroom.nlp.eval.QuotedCsvReader;

/**
 * Reads a labelled corpus: an MTSamples-style CSV (RFC-4180) with the columns {@code medical_specialty} (the
 * category label) and {@code transcription} (the note). Rows with the same text are one note carrying the labels of
 * all its rows, so no note can be on both sides of a train/test split; blank notes are skipped.
 */
public final class DocumentClassCorpus {
    static final String LABEL_COLUMN = "medical_specialty";
    static final String TEXT_COLUMN = "transcription";

    private DocumentClassCorpus() {
    }

    /**
     * The distinct notes of {@code csv}, in order of first appearance.
     *
     * @throws ConfigurationException when the file is missing, unreadable or lacks the two columns
     */
    public static List<LabelledNote> read(Path csv, DocumentClassLabels labels) {
        if (!Files.isRegularFile(csv)) {
            throw new ConfigurationException("the document-type training corpus was not found at " + csv + "; set "
                    + DocumentClassifierHome.SETTING + " to an MTSamples-style CSV (columns " + LABEL_COLUMN + ", "
                    + TEXT_COLUMN + ")");
        }
        Map<String, Set<String>[]> byText = new LinkedHashMap<>();
        try (QuotedCsvReader reader = new QuotedCsvReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            List<String> header = reader.next().orElse(List.of());
            int labelColumn = header.indexOf(LABEL_COLUMN);
            int textColumn = header.indexOf(TEXT_COLUMN);
            if (labelColumn < 0 || textColumn < 0) {
                throw new ConfigurationException(csv + " lacks the columns " + LABEL_COLUMN + " and " + TEXT_COLUMN);
            }
            for (Optional<List<String>> row = reader.next(); row.isPresent(); row = reader.next()) {
                List<String> fields = row.get();
                if (fields.size() <= Math.max(labelColumn, textColumn) || fields.get(textColumn).isBlank()) {
                    continue;
                }
                Set<String>[] sets = byText.computeIfAbsent(fields.get(textColumn), t -> newSets());
                Label label = labels.of(fields.get(labelColumn));
                if (label.axis() == Axis.TYPE) {
                    sets[0].add(label.value());
                } else if (label.axis() == Axis.SPECIALTY) {
                    sets[1].add(label.value());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigurationException("cannot read the document-type training corpus " + csv + ": "
                    + e.getMessage(), e);
        }
        List<LabelledNote> notes = new ArrayList<>(byText.size());
        byText.forEach((text, sets) -> notes.add(new LabelledNote(text, sets[0], sets[1])));
        return notes;
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] newSets() {
        return new Set[] {new HashSet<String>(), new HashSet<String>()};
    }
}
