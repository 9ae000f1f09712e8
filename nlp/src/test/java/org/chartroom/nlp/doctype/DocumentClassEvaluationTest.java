package org.chartroom.nlp.doctype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.chartroom.nlp.doctype.DocumentClassEvaluation.AxisResult;
import org.chartroom.nlp.doctype.DocumentClassEvaluation.ClassScores;
import org.chartroom.nlp.eval.HeldOutSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentClassEvaluationTest {
    @Test
    void scoresTheHeldOutFoldAgainstTheMajorityBaseline(@TempDir Path dir) throws Exception {
        List<LabelledNote> notes = DocumentClassCorpus.read(FixtureCorpus.write(dir, 10),
                DocumentClassLabels.standard());
        HeldOutSplit split = new HeldOutSplit(DocumentClassEvaluation.FOLDS);
        List<LabelledNote> test = notes.stream()
                .filter(n -> split.isHeldOut(n.text(), DocumentClassEvaluation.TEST_FOLD)).toList();

        DocumentClassEvaluation.Result result = new DocumentClassEvaluation().run(notes, m -> { });

        assertEquals(test.size(), result.testNotes());
        assertEquals(notes.size() - test.size(), result.trainingNotes());
        AxisResult type = result.type();
        assertEquals(test.size(), type.notes());
        assertEquals(1.0, type.accuracy(), 1e-9, "the fixture's kinds are told apart by their wording");
        assertEquals(1.0, type.macroF1(), 1e-9);
        long majorityRight = test.stream().filter(n -> n.types().contains(type.majorityLabel())).count();
        assertEquals((double) majorityRight / test.size(), type.majorityAccuracy(), 1e-9);
        assertTrue(type.majorityMacroF1() < type.macroF1());
        assertEquals(test.size(), type.perClass().stream().mapToInt(ClassScores::support).sum());
        AxisResult specialty = result.specialty();
        assertTrue(specialty.accuracy() >= 0.9, "specialty accuracy " + specialty.accuracy());
        assertTrue(result.summary().contains("majority"), result.summary());
    }
}
