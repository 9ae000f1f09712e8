package org.chartroom.nlp.doctype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.doctype.DocumentClassLabels.Axis;
import org.chartroom.nlp.doctype.DocumentClassLabels.Label;
import org.chartroom.nlp.rules.RuleLine;
import org.junit.jupiter.api.Test;

class DocumentClassLabelsTest {
    private static final DocumentClassLabels LABELS = DocumentClassLabels.standard();

    @Test
    void kindsOfDocumentAreTypesAndTheRestSpecialties() {
        assertEquals(new Label(Axis.TYPE, "operative_report"), LABELS.of(" Surgery"));
        assertEquals(new Label(Axis.TYPE, "discharge_summary"), LABELS.of("discharge summary"));
        assertEquals(new Label(Axis.TYPE, "progress_note"), LABELS.of(" Office Notes"));
        assertEquals(new Label(Axis.SPECIALTY, "Orthopedic"), LABELS.of(" Orthopedic"));
        assertEquals(Axis.NONE, LABELS.of("  ").axis());
    }

    @Test
    void aTypeThatIsNotADocumentTypeIsRefusedWithItsLine() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new DocumentClassLabels(
                List.of(new RuleLine("site.tsv", 3, List.of("Memo", "type", "memo")))));
        assertTrue(e.getMessage().contains("site.tsv:3"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> new DocumentClassLabels(
                List.of(new RuleLine("site.tsv", 4, List.of("Memo", "kind", "letter")))));
    }
}
