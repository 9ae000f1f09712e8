package org.chartroom.nlp.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.text.Section;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a model on a few typed notes written for this test and checks what it learned on a dictated note it has
 * not seen, and that a saved model loads back the same.
 */
class SpokenHeadingModelTest {
    private static final String[] COMPLAINTS = {"cough", "chest pain", "headache", "back pain", "fever", "sore throat",
            "knee pain", "dizziness"};
    private static final String[] CONDITIONS = {"asthma", "hypertension", "diabetes", "migraine", "gout",
            "hypothyroidism"};
    private static SpokenHeadingModel model;

    /** Typed notes with written headers; the headers label the training events, the prose gives the negatives. */
    static List<String> typedNotes() {
        List<String> notes = new ArrayList<>();
        for (int n = 0; n < 48; n++) {
            String complaint = COMPLAINTS[n % COMPLAINTS.length];
            String condition = CONDITIONS[n % CONDITIONS.length];
            notes.add("CHIEF COMPLAINT:  " + complaint + ".\n"
                    + "HISTORY OF PRESENT ILLNESS:  The patient has had " + complaint + " for " + (n % 5 + 2)
                    + " days.  Her past medical history is notable for " + condition + ".  The plan of care was "
                    + "discussed with her family.\n"
                    + "PAST MEDICAL HISTORY:  " + condition + ".\n"
                    + "ALLERGIES:  No known drug allergies.\n"
                    + (n % 2 == 0 ? "MEDICATIONS:  Lisinopril daily.\n" : "")
                    + "PHYSICAL EXAMINATION:  Alert.  HEENT:  Normocephalic.  LUNGS:  Clear.\n"
                    + (n % 2 == 1 ? "SLEEP DIARY:  Sleeps " + (n % 4 + 5) + " hours.\n" : "")
                    + "ASSESSMENT:  " + complaint + " with " + condition + ".\n"
                    + "PLAN:  Rest and fluids.  The procedure and its risks were explained.");
        }
        return notes;
    }

    @BeforeAll
    static void train() {
        model = new SpokenHeadingTrainer(HeaderVocabulary.standard()).train(typedNotes(), "test notes", m -> { });
    }

    @Test
    void findsTheHeadingsOfAnUnseenDictationAndSkipsTheSameWordsInSentences() {
        Sectionizer sectionizer = new Sectionizer(HeaderVocabulary.standard(), model);
        String dictation = "chief complaint sore throat history of present illness the patient has had sore throat "
                + "for 4 days her past medical history is notable for eczema the plan of care was discussed "
                + "past medical history eczema allergies no known drug allergies physical examination alert "
                + "heent normocephalic lungs clear assessment pharyngitis plan rest and fluids";
        List<String> headers = sectionizer.spokenSections(dictation).stream().map(Section::header).toList();
        assertEquals(List.of("chief complaint", "history of present illness", "past medical history", "allergies",
                "physical examination", "heent", "lungs", "assessment", "plan"), headers);
    }

    @Test
    void aWrittenHeaderOutsideTheVocabularyIsLearnedAndFoundWhenSpoken() {
        assertFalse(HeaderVocabulary.standard().phrases().containsKey("SLEEP DIARY"), "not a vocabulary phrase");
        assertEquals(List.of("sleep diary"), model.phrases());
        Sectionizer sectionizer = new Sectionizer(HeaderVocabulary.standard(), model);
        String dictation = "physical examination alert lungs clear sleep diary sleeps 7 hours assessment cough plan "
                + "rest";
        List<String> headers = sectionizer.spokenSections(dictation).stream().map(Section::header).toList();
        assertTrue(headers.contains("sleep diary"), headers.toString());
    }

    @Test
    void aSavedModelLoadsBackWithTheSameDecisions(@TempDir Path dir) throws Exception {
        model.save(dir);
        assertTrue(Files.size(dir.resolve(SpokenHeadingModel.MODEL_FILE)) > 0);
        SpokenHeadingModel loaded = SpokenHeadingModel.load(dir);
        assertEquals(model.threshold(), loaded.threshold());
        assertEquals("test notes", loaded.trainedOn());
        assertEquals(model.phrases(), loaded.phrases());
        String[] features = {"p=plan", "t=plan", "c-1=W", "w+1=rest"};
        assertEquals(model.probability(features), loaded.probability(features), 1e-12);
    }

    @Test
    void aModelForOtherFeaturesOrAMissingOneIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> SpokenHeadingModel.load(dir));
        assertTrue(missing.getMessage().contains("chartroom train spoken-headings"), missing.getMessage());
        model.save(dir);
        Path properties = dir.resolve(SpokenHeadingModel.PROPERTIES_FILE);
        Files.writeString(properties, Files.readString(properties).replace("features=" + SpokenHeadingFeatures.VERSION,
                "features=0"));
        ConfigurationException old = assertThrows(ConfigurationException.class, () -> SpokenHeadingModel.load(dir));
        assertTrue(old.getMessage().contains("retrain"), old.getMessage());
    }

    @Test
    void theBuiltInModelLoads() {
        SpokenHeadingModel builtIn = SpokenHeadingModel.builtIn();
        assertEquals(SpokenHeadingTrainer.THRESHOLD, builtIn.threshold());
        assertTrue(builtIn.trainedOn().contains("mtsamples"), builtIn.trainedOn());
    }
}
