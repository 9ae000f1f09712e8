package org.chartroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.chartroom.asr.format.DictationFormatter;
import org.chartroom.core.text.Section;
import org.chartroom.nlp.section.Sectionizer;
import org.junit.jupiter.api.Test;

/**
 * A dictated note comes out of the sectionizer with its sections, whichever way the physician said the headings:
 * with "colon" (the formatter writes a heading line, read by the written path), without (the draft has the heading
 * words inside sentences, read by the spoken path), or as the raw recogniser words.
 */
class DictatedNoteSectionsTest {
    private static final DictationFormatter FORMATTER = new DictationFormatter();
    private static final Sectionizer SECTIONIZER = new Sectionizer();

    private static List<String> types(String text) {
        return SECTIONIZER.sections(text).stream().map(Section::type).toList();
    }

    private static List<String> words(String spoken) {
        return Arrays.asList(spoken.split(" "));
    }

    @Test
    void headingsDictatedWithColonBecomeWrittenHeaders() {
        String draft = FORMATTER.format(words("chief complaint colon cough for three days period "
                + "past medical history colon asthma period medications colon albuterol as needed period "
                + "assessment colon acute bronchitis period plan colon rest and fluids period"));
        assertEquals(List.of("chief_complaint", "past_medical_history", "medications", "assessment", "plan"),
                types(draft));
    }

    @Test
    void headingsDictatedWithoutColonAreFoundInTheDraft() {
        String draft = FORMATTER.format(words("chief complaint cough for three days period "
                + "history of present illness the patient is a forty five year old man with a dry cough period "
                + "past medical history asthma period allergies no known drug allergies period "
                + "physical examination lungs clear to auscultation bilaterally period "
                + "assessment acute bronchitis period plan rest and fluids period"));
        assertEquals(List.of("chief_complaint", "history_of_present_illness", "past_medical_history", "allergies",
                "physical_exam", "exam_subsection", "assessment", "plan"), types(draft));
        Section hpi = SECTIONIZER.sections(draft).get(1);
        assertEquals("History of present illness", hpi.header(), "offsets point into the draft as written");
    }

    @Test
    void theRawRecogniserWordsAreSectionedToo() {
        String raw = "chief complaint cough for three days past medical history asthma "
                + "medications albuterol as needed assessment acute bronchitis plan rest and fluids";
        assertEquals(List.of("chief_complaint", "past_medical_history", "medications", "assessment", "plan"),
                types(raw));
    }
}
