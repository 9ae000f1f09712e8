package org.chartroom.asr.sphinx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chartroom.asr.AsrSettings;
import org.chartroom.asr.AudioTextExtractor;
import org.chartroom.asr.DictationTranscriber;
import org.chartroom.asr.Fixtures;
import org.chartroom.asr.Transcript;
import org.chartroom.core.text.SpokenWord;
import org.chartroom.asr.engine.EngineChoice;
import org.chartroom.asr.eval.WordErrorRate;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.core.text.Transcription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole dictation path for real: flite speech and LibriSpeech audio, ffmpeg, PocketSphinx, the formatter. */
class PocketSphinxEndToEndTest {
    @TempDir
    static Path dir;
    static DictationTranscriber transcriber;

    @BeforeAll
    static void open() {
        assumeTrue(PocketSphinxEngine.installed(), "PocketSphinx is not installed (CI installs pocketsphinx and"
                + " pocketsphinx-en-us: see .ci/run)");
        Fixtures.assumeTools("ffmpeg", "flite");
        AsrSettings settings = AsrSettings.fromEnvironment(dir, Map.of("CHARTROOM_ASR_ENGINE", "auto",
                "CHARTROOM_ASR_STREAMS", "2"));
        transcriber = DictationTranscriber.open(settings);
    }

    @AfterAll
    static void close() {
        if (transcriber != null) {
            transcriber.close();
        }
    }

    @Test
    void autoChoosesPocketSphinxWhenNoVoskModelIsConfigured() {
        assertEquals("pocketsphinx", transcriber.engineName());
    }

    @Test
    void aFliteDictationComesBackAsWordsWithTimingsAndADraft() {
        String script = "the patient has a cough and a fever period she will return in two weeks period";
        Path wav = Fixtures.speak(script, "slt", dir.resolve("dictation.wav"));
        Transcript t = transcriber.transcribe(wav);
        double wer = WordErrorRate.of(List.of(script.split(" ")), t.words().stream().map(SpokenWord::word).toList()).rate();
        assertTrue(wer < 0.5, "WER " + wer + " for: " + t.raw());
        assertTrue(t.seconds() > 3 && t.seconds() < 10, "audio length " + t.seconds());
        double previousEnd = 0;
        for (SpokenWord w : t.words()) {
            assertTrue(w.start() >= previousEnd - 1e-9 && w.end() <= t.seconds() + 0.1, "timings in order: " + w);
            assertTrue(w.confidence() >= 0 && w.confidence() <= 1);
            assertEquals(w.confidence() < 0.5, w.lowConfidence());
            previousEnd = w.end();
        }
        assertEquals(String.join(" ", t.words().stream().map(SpokenWord::word).toList()), t.raw());
        assertTrue(Character.isUpperCase(t.draft().charAt(0)) && t.draft().contains("."), t.draft());
    }

    @Test
    void librispeechAudioFromTheSharedDataIsRecognised() throws Exception {
        Path flac = Fixtures.sharedData().resolve("audio/librispeech-test-clean/1089/134686/1089-134686-0000.flac");
        assumeTrue(Files.isRegularFile(flac), "the shared audio is not at " + flac);
        Transcript t = transcriber.transcribe(flac);
        String reference = "he hoped there would be stew for dinner turnips and carrots and bruised potatoes and fat"
                + " mutton pieces to be ladled out in thick peppered flour fattened sauce";
        double wer = WordErrorRate.of(List.of(reference.split(" ")), List.of(t.raw().split(" "))).rate();
        assertTrue(wer < 0.5, "WER " + wer + ": " + t.raw());
    }

    @Test
    void twoStreamsAtOnceGiveTheSameTranscriptsAsOneAtATime() throws Exception {
        Path a = Fixtures.speak("blood pressure one twenty over eighty period", "rms", dir.resolve("a.wav"));
        Path b = Fixtures.speak("lungs are clear to auscultation period", "awb", dir.resolve("b.wav"));
        String aloneA = transcriber.transcribe(a).raw();
        String aloneB = transcriber.transcribe(b).raw();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Transcript> fa = pool.submit(() -> transcriber.transcribe(a));
            Future<Transcript> fb = pool.submit(() -> transcriber.transcribe(b));
            assertEquals(aloneA, fa.get().raw());
            assertEquals(aloneB, fb.get().raw());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badAudioIsAClearErrorAndTheTranscriberKeepsWorking() {
        assertThrows(UnprocessableContentException.class,
                () -> transcriber.transcribe(new ByteArrayInputStream("not audio".getBytes())));
        Path wav = Fixtures.speak("lungs are clear period", "slt", dir.resolve("after.wav"));
        assertTrue(!transcriber.transcribe(wav).words().isEmpty());
    }

    @Test
    void theAudioExtractorGivesTheDraftAsOnePage() throws Exception {
        Path wav = Fixtures.speak("history of present illness colon cough period", "slt", dir.resolve("x.wav"));
        AudioTextExtractor extractor = new AudioTextExtractor(transcriber);
        assertTrue(extractor.supports("audio/vnd.wave") && extractor.supports("audio/mpeg")
                && !extractor.supports("application/pdf"));
        List<double[]> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var in = Files.newInputStream(wav)) {
            ExtractedText text = extractor.extract(in, "audio/vnd.wave",
                    (seconds, total) -> progress.add(new double[] {seconds, total}));
            assertEquals(1, text.pages().size());
            assertEquals(false, text.pages().get(0).ocr());
            assertEquals(text.text(), text.pages().get(0).text());
            assertTrue(!text.text().isBlank());
            Transcription heard = text.transcription();
            assertEquals("pocketsphinx", heard.engine());
            assertEquals(String.join(" ", heard.words().stream().map(SpokenWord::word).toList()), heard.raw());
            assertTrue(heard.raw().contains("illness"), heard.raw());
            assertTrue(!progress.isEmpty(), "progress is reported while decoding");
            double[] last = progress.get(progress.size() - 1);
            assertTrue(last[0] >= 1 && last[0] <= heard.seconds(), "seconds decoded: " + last[0]);
            for (double[] p : progress) {
                // The length is probed beside the decode: unknown (0) until the probe answers, then the declared one.
                assertTrue(p[1] == 0 || Math.abs(p[1] - heard.seconds()) < 0.1, "total " + p[1]);
            }
        }
    }

    @Test
    void silenceAndOverLongAudioAreContentProblemsForThePipeline() throws Exception {
        Path silence = dir.resolve("silence.wav");
        Fixtures.run(List.of("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono",
                "-t", "3", silence.toString()));
        AudioTextExtractor extractor = new AudioTextExtractor(transcriber);
        try (var in = Files.newInputStream(silence)) {
            UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                    () -> extractor.extract(in, "audio/vnd.wave"));
            assertTrue(e.getMessage().contains("no speech"), e.getMessage());
        }
        AsrSettings shortLimit = AsrSettings.fromEnvironment(dir, Map.of("CHARTROOM_ASR_MAX_SECONDS", "1"));
        try (DictationTranscriber strict = DictationTranscriber.open(shortLimit);
             var in = Files.newInputStream(Fixtures.speak("the lungs are clear to auscultation period", "rms",
                     dir.resolve("long.wav")))) {
            UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                    () -> new AudioTextExtractor(strict).extract(in, "audio/vnd.wave"));
            assertTrue(e.getMessage().contains("CHARTROOM_ASR_MAX_SECONDS"), e.getMessage());
        }
    }

    @Test
    void forcingPocketSphinxWithAMissingMedicalModelFallsBackToStock() {
        AsrSettings settings = AsrSettings.fromEnvironment(dir, Map.of()).withEngine(EngineChoice.POCKETSPHINX);
        assertEquals(PocketSphinxModel.stock(), org.chartroom.asr.engine.SpeechEngines.pocketSphinx(settings).model());
    }

    @Test
    void parsesTheDecoderWordLines() {
        assertEquals(new SpokenWord("for", 1.83, 1.98, 0.298782, false),
                PocketSphinxEngine.parseWordLine("for(2) 1.830 1.980 0.298782").orElseThrow());
        assertTrue(PocketSphinxEngine.parseWordLine("<sil> 0.1 0.2 0.9").isEmpty());
        assertTrue(PocketSphinxEngine.parseWordLine("[NOISE] 0.1 0.2 0.9").isEmpty());
        assertTrue(PocketSphinxEngine.parseWordLine("he hoped there would").isEmpty());
    }
}
