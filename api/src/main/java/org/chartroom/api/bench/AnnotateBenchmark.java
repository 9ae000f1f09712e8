package org.chartroom.api.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chartroom.core.pipeline.ClinicalAnnotator;

/**
 * {@code annotate} throughput: every note through the annotator (sentences, sections, concepts with context, codes)
 * on a pool of {@code threads}, notes/s per run, median over the runs; peak RSS and heap.
 */
public final class AnnotateBenchmark {
    private final ClinicalAnnotator annotator;
    private final List<String> notes;
    private final int threads;

    public AnnotateBenchmark(ClinicalAnnotator annotator, List<String> notes, int threads) {
        this.annotator = annotator;
        this.notes = List.copyOf(notes);
        this.threads = threads;
    }

    public BenchReport run(int warmups, int runs) throws Exception {
        for (int i = 0; i < warmups; i++) {
            once();
        }
        ProcessMemory.resetPeaks();
        List<Map<String, Object>> perRun = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            Map<String, Object> run = once();
            run.put("run", r);
            perRun.add(run);
            rates.add((Double) run.get("notesPerSecond"));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("notes", notes.size());
        summary.put("threads", threads);
        summary.put("notesPerSecond", Stats.median(rates));
        summary.put("peakRssMib", ProcessMemory.peakRssMib());
        summary.put("peakHeapMib", ProcessMemory.peakHeapMib());
        return new BenchReport("annotate", summary, perRun);
    }

    private Map<String, Object> once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>(notes.size());
            for (String note : notes) {
                done.add(pool.submit(() -> annotator.annotate(note).concepts().size()));
            }
            long concepts = 0;
            for (Future<Integer> f : done) {
                concepts += f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("seconds", seconds);
            run.put("notesPerSecond", notes.size() / seconds);
            run.put("concepts", concepts);
            return run;
        } finally {
            pool.shutdown();
        }
    }
}
