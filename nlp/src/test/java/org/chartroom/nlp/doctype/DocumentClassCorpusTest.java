package org.chartroom.nlp.doctype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.chartroom.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentClassCorpusTest {
    @Test
    void copiesOfANoteAreOneNoteWithAllTheirLabels(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, ",description,medical_specialty,sample_name,transcription,keywords\n"
                + "0, d, Surgery, s,\"PROCEDURE:, Knee arthroscopy.\",\n"
                + "1, d, Orthopedic, s,\"PROCEDURE:, Knee arthroscopy.\",\n"
                + "2, d, Neurosurgery, s,\"PROCEDURE:, Knee arthroscopy.\",\n"
                + "3, d, Radiology, s,\"EXAM:, MRI brain.\",\n"
                + "4, d, Radiology, s,,\n");
        List<LabelledNote> notes = DocumentClassCorpus.read(csv, DocumentClassLabels.standard());
        assertEquals(2, notes.size(), "blank notes are skipped, copies merged");
        assertEquals(Set.of("operative_report"), notes.get(0).types());
        assertEquals(Set.of("Neurosurgery", "Orthopedic"), notes.get(0).specialties());
        assertEquals(Set.of("radiology_report"), notes.get(1).types());
        assertEquals(Set.of(), notes.get(1).specialties());
    }

    @Test
    void aMissingFileOrColumnSaysWhatToConfigure(@TempDir Path dir) throws Exception {
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> DocumentClassCorpus.read(dir.resolve("none.csv"), DocumentClassLabels.standard()));
        assertTrue(missing.getMessage().contains(DocumentClassifierHome.SETTING), missing.getMessage());
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "id,text\n1,hello\n");
        ConfigurationException columns = assertThrows(ConfigurationException.class,
                () -> DocumentClassCorpus.read(csv, DocumentClassLabels.standard()));
        assertTrue(columns.getMessage().contains("medical_specialty"), columns.getMessage());
    }
}
