package org.chartroom.nlp.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.chartroom.nlp.section.HeaderVocabulary;
import org.junit.jupiter.api.Test;

/**
 * Regression guard for how the spoken-heading method does on notes it was not trained on: a model is trained on
 * the development notes outside fold 0 of 5 (one training, about a minute) and scored on fold 0's speech-like
 * reports. The built-in model's development score ({@link SectionEvaluationDevDataTest}) is a training score; this
 * is the one that says whether a change generalises. Skipped, naming the path, when the shared folder is absent.
 */
class SpokenHeadingHeldOutDevDataTest {
    @Test
    void spokenHeadingsOfHeldOutNotes() {
        Path shared = Path.of(System.getProperty("chartroom.shared", "../../shared"));
        Path reports = shared.resolve(SectionEvaluation.REPORTS);
        assumeTrue(Files.isRegularFile(reports), "shared dev reports not found at " + reports.toAbsolutePath());

        HeaderScores heldOut = new SectionCrossValidation(HeaderVocabulary.standard())
                .runFold(shared, 5, 0, message -> { });
        System.out.println("spoken headings, fold 0 of 5 held out: " + heldOut);
        assertTrue(heldOut.f1() >= 0.905, "held-out speech-like header F1 " + heldOut.f1());
        assertTrue(heldOut.typeAccuracy() >= 0.975, "held-out speech-like type accuracy " + heldOut.typeAccuracy());
    }
}
