package org.chartroom.api.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.text.Annotation;

/**
 * {@code annotate} throughput on text the process has never seen: the distinct notes are dealt round-robin into one
 * slice per pass (warm-ups first, then the measured runs), so no pass repeats a note an earlier pass annotated and
 * no cache of any kind can answer for it. Each note goes through the annotator (sentences, sections, concepts with
 * context, codes) on a pool of {@code threads}. Per pass: notes/s, and the process CPU time per note, which the load
 * of other processes does not inflate. Headline: the median notes/s of the measured runs; also the first pass (cold
 * JVM), the load average at the start, peak RSS and heap, and the live heap after a full collection.
 */
public final class AnnotateBenchmark {
    private final ClinicalAnnotator annotator;
    private final List<String> notes;
    private final int threads;

    public AnnotateBenchmark(ClinicalAnnotator annotator, List<String> notes, int threads) {
        this.annotator = annotator;
        this.notes = List.copyOf(new LinkedHashSet<>(notes.stream().filter(n -> !n.isBlank()).toList()));
        this.threads = threads;
    }

    public BenchReport run(int warmups, int runs) throws Exception {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int passes = Math.max(1, warmups + runs);
        List<List<String>> slices = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            slices.add(new ArrayList<>());
        }
        for (int i = 0; i < notes.size(); i++) {
            slices.get(i % passes).add(notes.get(i));
        }
        Map<String, Object> cold = null;
        for (int i = 0; i < warmups; i++) {
            Map<String, Object> run = once(slices.get(i));
            cold = cold == null ? run : cold;
        }
        ProcessMemory.resetPeaks();
        List<Map<String, Object>> perRun = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            Map<String, Object> run = once(slices.get(warmups + r - 1));
            run.put("run", r);
            perRun.add(run);
            rates.add((Double) run.get("notesPerSecond"));
            cpu.add((Double) run.get("cpuMsPerNote"));
            cold = cold == null ? run : cold;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("distinctNotes", notes.size());
        summary.put("notesPerRun", slices.get(passes - 1).size());
        summary.put("threads", threads);
        summary.put("notesPerSecond", Stats.median(rates));
        summary.put("cpuMsPerNote", Stats.median(cpu));
        summary.put("coldNotesPerSecond", cold == null ? 0.0 : cold.get("notesPerSecond"));
        summary.put("loadAverageAtStart", load);
        summary.put("peakRssMib", ProcessMemory.peakRssMib());
        summary.put("peakHeapMib", ProcessMemory.peakHeapMib());
        summary.put("liveHeapMibAfterGc", liveHeapMib());
        return new BenchReport("annotate", summary, perRun);
    }

    private Map<String, Object> once(List<String> slice) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            List<Future<Annotation>> done = new ArrayList<>(slice.size());
            for (String note : slice) {
                done.add(pool.submit(() -> annotator.annotate(note)));
            }
            long concepts = 0;
            long codes = 0;
            for (Future<Annotation> f : done) {
                Annotation a = f.get();
                concepts += a.concepts().size();
                codes += a.codes().size();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (processCpuNanos() - cpu0) / 1e6;
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("notes", slice.size());
            run.put("seconds", seconds);
            run.put("notesPerSecond", slice.size() / seconds);
            run.put("cpuMsPerNote", cpuMs / Math.max(1, slice.size()));
            run.put("concepts", concepts);
            run.put("codes", codes);
            return run;
        } finally {
            pool.shutdown();
        }
    }

    /** CPU time of the whole process (all threads, GC and compiler included); 0 where the JVM does not tell. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static double liveHeapMib() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
    }
}
