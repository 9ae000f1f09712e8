package org.chartroom.nlp.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.chartroom.nlp.codes.CodeIndex;
import org.chartroom.nlp.codes.CodeIndexHome;
import org.chartroom.nlp.codes.CodeSuggester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression guard on the ICD-10-CM phrase gold: builds the code index from the shared release files (as the
 * import does) and measures top-1/top-5. Skipped, naming the missing path, when the shared folder is absent.
 */
class CodeEvaluationDevDataTest {
    @TempDir
    Path temp;

    @Test
    void codesOfTheDevelopmentPhrases() throws Exception {
        Path shared = Path.of(System.getProperty("chartroom.shared", "../../shared"));
        Path gold = shared.resolve(CodeEvaluation.GOLD);
        Path release = shared.resolve("data/icd10cm");
        assumeTrue(Files.isRegularFile(gold), "shared ICD-10-CM gold not found at " + gold.toAbsolutePath());
        assumeTrue(Files.isDirectory(release), "shared ICD-10-CM release not found at " + release.toAbsolutePath());
        CodeIndexHome home = new CodeIndexHome(temp.resolve("codes"), Optional.of(release));
        try (CodeIndex index = home.open(new PrintStream(System.out, true, "UTF-8"))) {
            CodeEvaluation.Result r = new CodeEvaluation(new CodeSuggester(index)).run(shared);
            System.out.printf("codes: %d phrases, top-1 %.4f, top-5 %.4f, category %.4f%n", r.items(),
                    r.top1Accuracy(), r.top5Accuracy(), r.categoryAccuracy());
            assertTrue(r.items() >= 280, "phrases " + r.items());
            assertTrue(r.top1Accuracy() >= FLOOR_TOP1, "top-1 " + r.top1Accuracy());
            assertTrue(r.top5Accuracy() >= FLOOR_TOP5, "top-5 " + r.top5Accuracy());
        }
    }

    /** A little below the measured values. */
    static final double FLOOR_TOP1 = 0.86;
    static final double FLOOR_TOP5 = 0.93;
}
