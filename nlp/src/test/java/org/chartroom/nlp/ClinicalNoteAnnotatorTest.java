package org.chartroom.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Section;
import org.chartroom.core.text.TextSpan;
import org.junit.jupiter.api.Test;

class ClinicalNoteAnnotatorTest {
    private static final ClinicalNoteAnnotator ANNOTATOR = new ClinicalNoteAnnotator();
    private static final String NOTE = "CHIEF COMPLAINT:  Cough.,HISTORY OF PRESENT ILLNESS:  This 45-year-old man "
            + "was seen by Dr. Smith.  He takes albuterol 2.5 mg b.i.d.,PHYSICAL EXAMINATION:,VITAL SIGNS:  BP 120/80."
            + ",LUNGS:  Clear.,IMPRESSION:  Bronchitis.,PLAN:,1.  Rest.,2.  Fluids.";

    @Test
    void findsSentencesAndSectionsAndNoConceptsOrCodesYet() {
        Annotation annotation = ANNOTATOR.annotate(NOTE);
        assertEquals(List.of("chief_complaint", "history_of_present_illness", "physical_exam", "vital_signs",
                "exam_subsection", "impression", "plan"), annotation.sections().stream().map(Section::type).toList());
        assertTrue(annotation.sentences().stream().map(s -> s.of(NOTE)).toList()
                .contains("This 45-year-old man was seen by Dr. Smith."));
        assertEquals(List.of(), annotation.concepts());
        assertEquals(List.of(), annotation.codes());
    }

    @Test
    void aSpokenHeadingStartsANewSentence() {
        String dictation = "chief complaint cough for three days past medical history asthma "
                + "assessment acute bronchitis plan rest and fluids";
        List<String> sentences = ANNOTATOR.annotate(dictation).sentences().stream().map(s -> s.of(dictation)).toList();
        // As in a typed note, where "HISTORY:" is a sentence of its own, the heading and its body are two.
        assertEquals(List.of("chief complaint", "cough for three days", "past medical history", "asthma",
                "assessment", "acute bronchitis", "plan", "rest and fluids"), sentences);
    }

    @Test
    void emptyTextGivesTheEmptyAnnotation() {
        assertEquals(Annotation.EMPTY, ANNOTATOR.annotate(""));
        assertEquals(Annotation.EMPTY, ANNOTATOR.annotate(null));
    }

    @Test
    void neverThrowsOnJunk() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            char[] chars = new char[random.nextInt(500)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) random.nextInt(round % 2 == 0 ? 0x80 : 0x10000);
            }
            String text = new String(chars);
            Annotation annotation = ANNOTATOR.annotate(text);
            for (TextSpan span : annotation.sentences()) {
                assertTrue(span.end() <= text.length());
            }
        }
        for (String odd : List.of(":", ",", ".", "::::", ",,,,", "1:2:3", "A:", " :", "\u0000\u0001:",
                "\uD800", "\uDC00:", "A.B.C.", "(((((:", ", , ,:", "\n\n\n", "1.", "Dr.:")) {
            ANNOTATOR.annotate(odd);
        }
    }

    @Test
    void handlesAHugeTextQuickly() {
        StringBuilder b = new StringBuilder();
        while (b.length() < 2_000_000) {
            b.append(NOTE).append(',');
        }
        String huge = b.toString();
        Annotation annotation = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ANNOTATOR.annotate(huge));
        assertFalse(annotation.sections().isEmpty());
        String colons = ":".repeat(500_000) + "A".repeat(500_000) + ",".repeat(500_000);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ANNOTATOR.annotate(colons));
    }

    @Test
    void isThreadSafeAndPure() throws Exception {
        Annotation expected = ANNOTATOR.annotate(NOTE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Annotation>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> ANNOTATOR.annotate(NOTE)));
            }
            for (Future<Annotation> future : futures) {
                assertEquals(expected, future.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
