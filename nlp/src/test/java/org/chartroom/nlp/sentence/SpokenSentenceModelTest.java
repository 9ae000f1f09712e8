package org.chartroom.nlp.sentence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.chartroom.core.error.ConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a model on a few typed notes written for this test and checks it on an unseen unpunctuated one. */
class SpokenSentenceModelTest {
    private static final String[] SUBJECTS = {"She", "He", "The patient"};
    private static final String[] COMPLAINTS = {"a cough", "chest pain", "a headache", "back pain", "a rash"};
    private static SpokenSentenceModel model;

    static List<String> typedNotes() {
        List<String> notes = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            String subject = SUBJECTS[n % SUBJECTS.length];
            String complaint = COMPLAINTS[n % COMPLAINTS.length];
            notes.add(subject + " has had " + complaint + " for " + (n % 6 + 2) + " days.  " + subject
                    + " denies fever and chills.  " + subject + " will return in one week if not better.  "
                    + "Lungs are clear and the heart is regular.");
        }
        return notes;
    }

    @BeforeAll
    static void train() {
        model = new SpokenSentenceTrainer().train(typedNotes(), "test notes", -1, m -> { });
    }

    @Test
    void typedNotesLabelTheGapsWhereTheirSentencesEnd() {
        SpokenSentenceTrainer.Gaps gaps = SpokenSentenceTrainer.Gaps.of("He is 45.  Temp 98.6 today.  Dr. Smith saw him.",
                SentenceSplitter.written());
        assertEquals(List.of("he", "is", "45", "temp", "98", "6", "today", "dr", "smith", "saw", "him"),
                List.of(gaps.words()));
        BitSet expected = new BitSet();
        expected.set(2);
        expected.set(6);
        assertEquals(expected, gaps.ends(), "sentence ends after 45 and today; not inside 98.6 or after Dr.");
    }

    @Test
    void findsTheSentenceEndsOfAnUnseenDictation() {
        String[] words = ("he has had a sore throat for 3 days he denies fever and chills he will return in one week "
                + "if not better").split(" ");
        BitSet ends = model.ends(words);
        BitSet expected = new BitSet();
        expected.set(8);
        expected.set(13);
        expected.set(words.length - 1);
        assertEquals(expected, ends, "after 'days', after 'chills', and the last word");
    }

    @Test
    void aSavedModelLoadsBackAndAnotherVersionIsRefused(@TempDir Path dir) throws Exception {
        model.save(dir);
        SpokenSentenceModel loaded = SpokenSentenceModel.load(dir);
        String[] words = "she denies fever she will return in one week".split(" ");
        assertEquals(model.ends(words), loaded.ends(words));
        assertEquals(-1, loaded.heldOutFold());
        Path properties = dir.resolve("spoken-sentence-model.properties");
        Files.writeString(properties, Files.readString(properties).replace("features=1", "features=0"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SpokenSentenceModel.load(dir));
        assertTrue(e.getMessage().contains("chartroom train spoken-sentences"), e.getMessage());
    }

    @Test
    void theBuiltInModelLeftFoldZeroOut() {
        assertEquals(SpokenSentenceModel.HELD_OUT_FOLD, SpokenSentenceModel.builtIn().heldOutFold());
    }
}
