package org.chartroom.nlp.doctype;

import java.util.Set;
import java.util.TreeSet;

/**
 * One distinct note of a training corpus with every label its copies carry.
 *
 * @param text        the note
 * @param types       the document types it is filed under (sorted; may be empty)
 * @param specialties the specialties it is filed under (sorted; may be empty)
 */
public record LabelledNote(String text, Set<String> types, Set<String> specialties) {
    public LabelledNote {
        types = Set.copyOf(new TreeSet<>(types));
        specialties = Set.copyOf(new TreeSet<>(specialties));
    }

    /** The labels of one axis. */
    public Set<String> labels(DocumentClassLabels.Axis axis) {
        return axis == DocumentClassLabels.Axis.TYPE ? types : specialties;
    }
}
