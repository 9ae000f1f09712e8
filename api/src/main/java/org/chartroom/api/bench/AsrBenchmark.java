package org.chartroom.api.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chartroom.asr.AsrSettings;
import org.chartroom.asr.DictationTranscriber;
import org.chartroom.asr.Transcript;
import org.chartroom.asr.eval.DictationSample;
import org.chartroom.asr.eval.Sclite;
import org.chartroom.asr.eval.WordErrorRate;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.text.Section;

/**
 * Dictation figures for one engine configuration over a set of recordings: WER of the raw recognition against what
 * was said, WER of the draft against the note as typed (both normalised as sclite does; the raw WER cross-checked
 * with sctk), section-heading F1 of the draft (the sectionizer run on the draft and on the typed note), the real-time
 * factor at 1 and 2 streams, the engine's load time and the JVM's peak memory.
 */
public final class AsrBenchmark {

    /** Figures of one pass over the set. */
    public record Figures(WordErrorRate rawWer, WordErrorRate draftWer, double headingF1, double rtf,
                          double audioSeconds, Double scliteRawWer) {
    }

    private AsrBenchmark() {
    }

    /** Recognises every sample with {@code streams} at once; returns the transcripts in sample order. */
    public static List<Transcript> transcribeAll(DictationTranscriber transcriber, List<DictationSample> samples,
                                                 int streams) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<Future<Transcript>> futures = new ArrayList<>();
            for (DictationSample s : samples) {
                futures.add(pool.submit(() -> transcriber.transcribe(s.audio())));
            }
            List<Transcript> out = new ArrayList<>();
            for (Future<Transcript> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Scores transcripts against their samples. {@code annotator} may be absent for sets that are not notes. */
    public static Figures score(List<DictationSample> samples, List<Transcript> transcripts,
                                ClinicalAnnotator annotator, Path scliteDir) {
        WordErrorRate raw = WordErrorRate.ZERO;
        WordErrorRate draft = WordErrorRate.ZERO;
        int matched = 0;
        int gold = 0;
        int predicted = 0;
        double decode = 0;
        double audio = 0;
        List<Sclite.Utterance> utterances = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            DictationSample s = samples.get(i);
            Transcript t = transcripts.get(i);
            List<String> ref = WordErrorRate.normalise(s.spoken());
            List<String> hyp = WordErrorRate.normalise(t.raw());
            raw = raw.plus(WordErrorRate.of(ref, hyp));
            draft = draft.plus(WordErrorRate.of(s.written(), t.draft()));
            utterances.add(new Sclite.Utterance(s.id(), ref, hyp));
            decode += t.decodeSeconds();
            audio += t.seconds();
            if (annotator != null) {
                Map<String, Integer> g = sectionTypes(annotator, s.written());
                Map<String, Integer> p = sectionTypes(annotator, t.draft());
                gold += g.values().stream().mapToInt(Integer::intValue).sum();
                predicted += p.values().stream().mapToInt(Integer::intValue).sum();
                for (Map.Entry<String, Integer> e : g.entrySet()) {
                    matched += Math.min(e.getValue(), p.getOrDefault(e.getKey(), 0));
                }
            }
        }
        double f1 = gold + predicted == 0 ? Double.NaN : 2.0 * matched / (gold + predicted);
        Double sclite = Sclite.wer(utterances, scliteDir).orElse(null);
        return new Figures(raw, draft, f1, audio > 0 ? decode / audio : 0, audio, sclite);
    }

    private static Map<String, Integer> sectionTypes(ClinicalAnnotator annotator, String text) {
        Map<String, Integer> types = new HashMap<>();
        for (Section s : annotator.annotate(text).sections()) {
            if (!s.type().equals("other")) {
                types.merge(s.type(), 1, Integer::sum);
            }
        }
        return types;
    }

    /** One engine configuration measured: load time, 1-stream and 2-stream passes. */
    public static Map<String, Object> measure(String label, AsrSettings settings, List<DictationSample> dictations,
                                              List<DictationSample> shared, ClinicalAnnotator annotator,
                                              Path workDir) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        ProcessMemory.resetPeaks();
        long t0 = System.nanoTime();
        try (DictationTranscriber transcriber = DictationTranscriber.open(settings.withStreams(2))) {
            row.put(label + " engine", transcriber.engineName());
            row.put(label + " model load s", (System.nanoTime() - t0) / 1e9);
            Figures one = score(dictations, transcribeAll(transcriber, dictations, 1), annotator,
                    workDir.resolve("sclite-" + label));
            row.put(label + " dictation WER raw %", 100 * one.rawWer().rate());
            row.put(label + " dictation WER raw, sclite %", one.scliteRawWer() == null ? "sctk not installed"
                    : 100 * one.scliteRawWer());
            row.put(label + " dictation WER draft %", 100 * one.draftWer().rate());
            row.put(label + " heading F1 (draft)", one.headingF1());
            row.put(label + " RTF 1 stream", one.rtf());
            Figures two = score(dictations, transcribeAll(transcriber, dictations, 2), null,
                    workDir.resolve("sclite-" + label + "-2"));
            row.put(label + " RTF per stream, 2 streams", two.rtf());
            if (!shared.isEmpty()) {
                Figures s = score(shared, transcribeAll(transcriber, shared, 1), null,
                        workDir.resolve("sclite-" + label + "-shared"));
                row.put(label + " shared audio WER %", 100 * s.rawWer().rate());
                row.put(label + " shared audio WER, sclite %", s.scliteRawWer() == null ? "sctk not installed"
                        : 100 * s.scliteRawWer());
            }
            row.put(label + " dictation audio s", one.audioSeconds());
        }
        row.put(label + " peak JVM RSS MiB", ProcessMemory.peakRssMib());
        return row;
    }
}
