package org.chartroom.nlp.doctype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.text.DocumentClassification;
import org.chartroom.nlp.ClinicalNoteAnnotator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentClassifierTest {
    private static DocumentClassifier classifier;

    @BeforeAll
    static void train(@TempDir Path dir) throws Exception {
        List<LabelledNote> notes = DocumentClassCorpus.read(FixtureCorpus.write(dir, 8), DocumentClassLabels.standard());
        List<String> progress = new ArrayList<>();
        classifier = new DocumentClassTrainer().train(notes, "fixture", progress::add);
        assertTrue(progress.stream().anyMatch(m -> m.contains("specialty model")), progress.toString());
    }

    @Test
    void suggestsTheTypeAndSpecialtyOfUnseenNotes() {
        DocumentClassification operative = classifier.classify(FixtureCorpus.note(0, 0, 99_001));
        assertEquals("operative_report", operative.type());
        assertEquals("Orthopedic", operative.specialty());
        assertTrue(operative.typeProbability() > 0.5 && operative.typeProbability() <= 1.0);
        DocumentClassification progress = classifier.classify(FixtureCorpus.note(1, 2, 99_002));
        assertEquals("progress_note", progress.type());
        assertEquals("Gastroenterology", progress.specialty());
        assertEquals(DocumentClassification.NONE, classifier.classify("  "));
    }

    @Test
    void theAnnotatorCarriesTheSuggestionWhenItHasAClassifier() {
        String note = FixtureCorpus.note(0, 2, 99_004);
        ClinicalNoteAnnotator plain = new ClinicalNoteAnnotator();
        assertEquals(DocumentClassification.NONE, plain.annotate(note).classification());
        DocumentClassification suggested = plain.withDocumentClassifier(() -> Optional.of(classifier))
                .annotate(note).classification();
        assertEquals("operative_report", suggested.type());
        assertEquals("Gastroenterology", suggested.specialty());
    }

    @Test
    void aSavedClassifierLoadsBackTheSame(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("doctype");
        assertFalse(DocumentClassifier.exists(folder));
        classifier.save(folder);
        assertTrue(DocumentClassifier.exists(folder));
        classifier.save(folder);
        try (var left = Files.list(dir)) {
            assertEquals(List.of(folder), left.toList(), "saving again replaces the folder, leaving nothing else");
        }
        DocumentClassifier loaded = DocumentClassifier.load(folder);
        String note = FixtureCorpus.note(1, 1, 99_003);
        assertEquals(classifier.classify(note), loaded.classify(note));
        assertEquals("fixture", loaded.trainedOn());
    }

    @Test
    void aMissingOrOldClassifierSaysHowToBuildIt(@TempDir Path dir) throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> DocumentClassifier.load(dir));
        assertTrue(e.getMessage().contains("chartroom train doctype"), e.getMessage());
        classifier.save(dir.resolve("old"));
        Path properties = dir.resolve("old").resolve(DocumentClassifier.PROPERTIES);
        Files.writeString(properties, Files.readString(properties).replace("format=" + DocumentClassifier.FORMAT,
                "format=0"));
        assertFalse(DocumentClassifier.exists(dir.resolve("old")), "another format counts as missing (rebuilt)");
    }

    @Test
    void wordsAreLowerCaseLetterRunsSoMtSamplesCommaLineBreaksSplitThem() {
        assertEquals(List.of("pain", "plan", "rest", "mg", "c5", "x3"),
                List.of(DocumentClassifier.words("Pain.,PLAN:,1.  Rest 2.5 mg C5-6 x3")));
    }
}
