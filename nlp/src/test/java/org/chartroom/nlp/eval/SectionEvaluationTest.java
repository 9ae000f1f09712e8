package org.chartroom.nlp.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.section.Sectionizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionEvaluationTest {
    private final SectionEvaluation evaluation = new SectionEvaluation(new Sectionizer());

    @Test
    void scoresAFixtureAndReportsEveryMismatch(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("reports.csv");
        Files.writeString(csv, ",description,medical_specialty,sample_name,transcription,keywords\n"
                + "0, d, s, n,\"SUBJECTIVE:,  Cough.,PLAN:,  Rest.\",k\n"
                + "1, d, s, n,\"HEENT:  Normal.  XYZZY:  Odd.\",\n");
        Path gold = dir.resolve("gold.tsv");
        Files.writeString(gold, "row_id\tchar_offset\theader\ttype\n"
                + "0\t0\tSUBJECTIVE\tsubjective\n0\t21\tPLAN\tassessment\n1\t0\tHEENT\texam_subsection\n");
        List<HeaderMismatch> mismatches = new ArrayList<>();
        SectionEvaluationResult result = evaluation.run(csv, gold, mismatches::add);

        assertEquals(2, result.reports());
        assertEquals(0, result.misalignedGold());
        HeaderScores written = result.written();
        assertEquals(3, written.gold());
        assertEquals(4, written.predicted(), "XYZZY is a header by the written definition but not in the gold");
        assertEquals(3, written.matched());
        assertEquals(2, written.typeCorrect());
        assertEquals(0.75, written.precision(), 1e-9);
        assertEquals(1.0, written.recall(), 1e-9);
        assertEquals(2.0 / 3, written.typeAccuracy(), 1e-9);
        assertEquals(List.of(new TypeConfusion("assessment", "plan", 1)), result.confusions());
        assertTrue(mismatches.stream().anyMatch(m -> m.variant() == HeaderMismatch.Variant.WRITTEN
                && m.kind() == HeaderMismatch.Kind.SPURIOUS && m.predictedHeader().equals("XYZZY")));
        assertEquals(3, result.speechLike().gold());
    }

    @Test
    void goldOffsetsInCodePointsAreConvertedToCharOffsets() {
        String text = "\uD83D\uDE00 note.,PLAN:  Rest.";
        SectionGold.GoldHeader plan = new SectionGold.GoldHeader("9", 8, "PLAN", "plan");
        assertEquals(text.indexOf("PLAN"), SectionGold.charOffset(text, plan));
        SectionGold.GoldHeader wrong = new SectionGold.GoldHeader("9", 7, "PLAN", "plan");
        assertEquals(-1, SectionGold.charOffset(text, wrong));
    }

    @Test
    void aMissingFileIsAConfigurationErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.csv");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> evaluation.run(missing, dir.resolve("gold.tsv"), m -> { }));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
