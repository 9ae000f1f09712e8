package org.chartroom.api.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Assertion;
import org.chartroom.core.text.TextSpan;
import org.junit.jupiter.api.Test;

/** The annotate benchmark measures text the process has never seen: no note is annotated twice. */
class AnnotateBenchmarkTest {
    /** Records what it is given; the benchmark's slicing, not annotation, is under test here. */
    private static final class Recording implements ClinicalAnnotator {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Annotation annotate(String text) {
            seen.add(text);
            return Annotation.EMPTY;
        }

        @Override
        public List<Assertion> assess(String text, List<TextSpan> targets) {
            return List.of();
        }
    }

    @Test
    void everyPassGetsNotesNoEarlierPassHad() throws Exception {
        List<String> notes = new ArrayList<>(IntStream.range(0, 40).mapToObj(i -> "note " + i).toList());
        notes.addAll(List.of("note 1", "note 2", "", "  ")); // repeats and blanks are not notes of their own
        Recording annotator = new Recording();
        BenchReport report = new AnnotateBenchmark(annotator, notes, 2).run(1, 3);

        assertEquals(40, annotator.seen.size());
        assertEquals(40, annotator.seen.stream().distinct().count());
        assertEquals(3, report.runs().size());
        Map<String, Object> summary = report.summary();
        assertEquals(40, summary.get("distinctNotes"));
        assertEquals(10, summary.get("notesPerRun"));
        for (Map<String, Object> run : report.runs()) {
            assertEquals(10, run.get("notes"));
            assertTrue((Double) run.get("notesPerSecond") > 0);
        }
        assertTrue(summary.containsKey("cpuMsPerNote") && summary.containsKey("coldNotesPerSecond")
                && summary.containsKey("liveHeapMibAfterGc"), summary.toString());
    }
}
