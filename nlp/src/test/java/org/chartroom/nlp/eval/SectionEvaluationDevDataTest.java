package org.chartroom.nlp.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.chartroom.nlp.section.Sectionizer;
import org.junit.jupiter.api.Test;

/**
 * Regression guard on the shared development data (MTSamples dev reports and the section header gold). Skipped,
 * naming the missing path, when the shared folder is absent. The floors sit a little below the measured values.
 * The speech-like figure is that of the built-in spoken-heading model, which was trained on these notes; its
 * held-out counterpart is {@link SpokenHeadingHeldOutDevDataTest}.
 */
class SectionEvaluationDevDataTest {
    @Test
    void sectionHeadersOfTheDevelopmentReports() {
        Path shared = Path.of(System.getProperty("chartroom.shared", "../../shared"));
        Path reports = shared.resolve(SectionEvaluation.REPORTS);
        Path gold = shared.resolve(SectionEvaluation.GOLD);
        assumeTrue(Files.isRegularFile(reports), "shared dev reports not found at " + reports.toAbsolutePath());
        assumeTrue(Files.isRegularFile(gold), "shared section gold not found at " + gold.toAbsolutePath());

        SectionEvaluationResult result = new SectionEvaluation(new Sectionizer()).run(shared);
        System.out.print(result.summary());
        result.confusions().stream().limit(10).forEach(c ->
                System.out.println("  confusion " + c.goldType() + " -> " + c.predictedType() + ": " + c.count()));

        assertEquals(0, result.misalignedGold());
        assertEquals(4096, result.reports());
        assertTrue(result.written().f1() >= 0.995, "written header F1 " + result.written().f1());
        assertTrue(result.written().typeAccuracy() >= 0.97, "type accuracy " + result.written().typeAccuracy());
        assertTrue(result.written().typedF1() >= 0.97, "typed F1 " + result.written().typedF1());
        assertTrue(result.speechLike().f1() >= 0.97, "speech-like header F1 " + result.speechLike().f1());
        assertTrue(result.speechLike().typeAccuracy() >= 0.955,
                "speech-like type accuracy " + result.speechLike().typeAccuracy());
    }
}
