package org.chartroom.asr.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chartroom.asr.Fixtures;
import org.chartroom.asr.format.DictationFormatter;
import org.chartroom.asr.format.SpokenForm;
import org.chartroom.asr.sphinx.PocketSphinxEngine;
import org.chartroom.asr.sphinx.PocketSphinxModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageModelTest {
    @TempDir
    Path dir;

    private static NgramModel small() {
        NgramModel lm = new NgramModel(3);
        lm.add(List.of("the", "patient", "is", "well"));
        lm.add(List.of("the", "patient", "has", "a", "cough"));
        lm.add(List.of("a", "cough", "is", "present"));
        lm.estimate();
        return lm;
    }

    @Test
    void everyHistoryDistributionSumsToOne() {
        NgramModel lm = small();
        List<String> next = new java.util.ArrayList<>(lm.vocabulary());
        next.add(NgramModel.EOS);
        for (String history : List.of("the patient", "<s> the", "patient is", "cough is", "well cough", "a")) {
            double sum = next.stream().mapToDouble(w -> lm.probability(history + " " + w, 3)).sum();
            assertEquals(1.0, sum, 1e-9, "P(. | " + history + ")");
        }
    }

    @Test
    void seenContinuationsBeatUnseenOnes() {
        NgramModel lm = small();
        assertTrue(lm.probability("the patient is", 3) > lm.probability("the patient cough", 3));
    }

    @Test
    void wordsAcrossASentenceEndAreCountedAsTheDecoderHearsThem() {
        SpokenForm spoken = new SpokenForm(new DictationFormatter());
        String note = "The patient has a cough. PLAN:, Rest and fluids.";
        List<String> sentences = spoken.sentences(note);
        assertTrue(sentences.size() >= 2, sentences.toString());
        String[] first = sentences.get(0).split(" ");
        String across = first[first.length - 1] + " " + sentences.get(1).split(" ")[0];
        NgramModel bySentence = new NgramModel(3);
        sentences.forEach(x -> bySentence.add(List.of(x.split(" "))));
        bySentence.estimate();
        NgramModel trained = new NgramModel(3);
        assertEquals(sentences.size(), new LanguageModelTrainer(spoken).count(List.of(note), trained));
        trained.estimate();
        assertTrue(trained.probability(across, 2) > bySentence.probability(across, 2),
                "'" + across + "' is one stream in an utterance");
        assertTrue(trained.probability("<s> " + first[0], 2) > 0.1, "sentence starts are still counted");
    }

    @Test
    void writesArpaThatSphinxConvertsAndPocketSphinxLoads() throws Exception {
        assumeTrue(PocketSphinxEngine.installed(), "PocketSphinx is not installed (see .ci/run)");
        Fixtures.assumeTools("sphinx_lm_convert", "flite", "ffmpeg");
        String note = "HISTORY OF PRESENT ILLNESS:, The patient has a cough. PLAN:, Rest and fluids.";
        LanguageModelTrainer.Result r = new LanguageModelTrainer(new SpokenForm(new DictationFormatter()))
                .train(List.of(note, note), dir.resolve("medical"));
        assertTrue(Files.isRegularFile(r.folder().resolve(PocketSphinxModel.LM_FILE)));
        String dict = Files.readString(r.folder().resolve(PocketSphinxModel.DICT_FILE));
        assertTrue(dict.contains("\ncough K AO F") || dict.startsWith("cough ") || dict.contains("cough K"), dict);
        assertTrue(dict.contains("colon "), "the spoken commands are in the vocabulary");
        Path wav = Fixtures.speak("the patient has a cough period", "slt", dir.resolve("x.wav"));
        Path pcm = Fixtures.convert(wav, dir.resolve("x.raw"), "-f", "s16le", "-ac", "1", "-ar", "16000");
        PocketSphinxEngine engine = new PocketSphinxEngine(PocketSphinxEngine.BINARY,
                PocketSphinxModel.adapted(r.folder()), List.of());
        try (var in = Files.newInputStream(pcm)) {
            String heard = String.join(" ", engine.recognize(in).stream().map(w -> w.word()).toList());
            assertTrue(heard.contains("patient") && heard.contains("cough"), heard);
        }
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging left");
    }

    @Test
    void espeakPhonemesMapToCmuPhones() {
        PronunciationDictionary.Espeak espeak = new PronunciationDictionary.Espeak();
        assertEquals(Optional.of("L IH D AH K EY N"), espeak.toCmu("l 'I d @ k ,eI n"));
        assertEquals(Optional.empty(), espeak.toCmu("l 'I d @ k ,eI XX"));
        Fixtures.assumeTools("espeak-ng");
        Map<String, String> made = espeak.pronounce(List.of("arthroplasty", "lidocaine"));
        assertEquals("AA R TH R AH P L AE S T IY", made.get("arthroplasty"));
        assertEquals("L IH D AH K EY N", made.get("lidocaine"));
    }
}
