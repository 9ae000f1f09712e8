package org.chartroom.api.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chartroom.api.bench.ScanCorpus.Degradation;
import org.chartroom.api.bench.ScanCorpus.Scan;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.ingest.ocr.OcrSettings;
import org.chartroom.ingest.ocr.PageReader;
import org.chartroom.ingest.ocr.PreprocessingStep;
import org.chartroom.ingest.ocr.Preprocessor;
import org.chartroom.ingest.ocr.ScanImages;
import org.chartroom.ingest.ocr.ScanPage;
import org.chartroom.ingest.ocr.Tesseract;

/**
 * OCR accuracy and speed on the generated {@link ScanCorpus}.
 *
 * <ul>
 *   <li><b>Accuracy:</b> character and word error rate per degradation for Chartroom and for the plain
 *       {@code tesseract FILE stdout} on the same images, side by side.</li>
 *   <li><b>What each preprocessing step earns:</b> per degradation, on how many pages each step ran, and the error
 *       rate with that step switched off (only the pages it ran on are recognised again: on the others nothing
 *       changes).</li>
 *   <li><b>Speed:</b> pages per minute (wall clock, {@code threads} pages at once, as the pipeline runs them) and CPU
 *       seconds per page (the tesseract children's and the JVM's user + system time), medians over the runs. CPU time
 *       does not depend on what else the machine does, so the bench also derives the pages per minute two idle cores
 *       would give. Plain tesseract's speed is measured twice: single-threaded, two at once, on every variant (as
 *       Chartroom runs it), and as people run it, one page after another with its default threading.</li>
 * </ul>
 */
public final class OcrBenchmark {
    /** The targets. */
    private static final double CLEAN_CER = 0.01;
    private static final double DEGRADED_CER = 0.03;
    private static final double PAGES_PER_MINUTE = 20;
    private static final int TARGET_CORES = 2;

    private final List<Scan> scans;
    private final OcrSettings settings;

    public OcrBenchmark(List<Scan> scans, OcrSettings settings) {
        this.scans = List.copyOf(scans);
        this.settings = settings;
    }

    public BenchReport run(int warmup, int runs) throws Exception {
        requireTesseract();
        double loadAtStart = loadAverage();
        for (int r = 0; r < warmup; r++) {
            recognise(settings, scans);
        }
        List<Map<String, Object>> perRun = new ArrayList<>();
        Map<Scan, Reading> project = null;
        for (int r = 1; r <= runs; r++) {
            Timed<Map<Scan, Reading>> timed = timed(() -> recognise(settings, scans));
            project = timed.result;
            Map<String, Object> run = timed.figures(scans.size());
            run.put("run", r);
            perRun.add(run);
        }
        Timed<Map<Scan, String>> plain = timed(() -> parallel(scans, scan -> plainTesseract(scan.file(), true)));
        List<Scan> clean = scans.stream().filter(s -> s.degradation() == Degradation.CLEAN_300).toList();
        Timed<Map<Scan, String>> sequential = timed(() -> {
            for (Scan scan : clean) {
                plainTesseract(scan.file(), false);
            }
            return Map.of();
        });
        Map<Scan, Double> preprocessingMillis = preprocessingMillis();
        Map<PreprocessingStep, Map<Scan, String>> without = withoutEachStep(project);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pages per degradation", clean.size());
        summary.put("OCR threads (pages at once)", settings.threads());
        double cpuPerPage = median(perRun, "cpuSecondsPerPage");
        summary.put("Chartroom pages/min (all variants, wall clock)", median(perRun, "pagesPerMinute"));
        summary.put("Chartroom CPU s/page (tesseract + JVM)", String.format("%.2f (tesseract %.2f, JVM %.2f)",
                cpuPerPage, median(perRun, "tesseractCpuSecondsPerPage"), median(perRun, "jvmCpuSecondsPerPage")));
        summary.put("Chartroom pages/min on " + TARGET_CORES + " idle cores (from CPU s/page)",
                TARGET_CORES * 60 / cpuPerPage);
        Map<String, Object> plainFigures = plain.figures(scans.size());
        summary.put("plain tesseract pages/min (1 thread each, " + parallelism() + " at once)",
                plainFigures.get("pagesPerMinute"));
        summary.put("plain tesseract CPU s/page (1 thread)", plainFigures.get("tesseractCpuSecondsPerPage"));
        Map<String, Object> sequentialFigures = sequential.figures(clean.size());
        summary.put("plain tesseract pages/min (clean, one by one, default threads)",
                sequentialFigures.get("pagesPerMinute"));
        summary.put("plain tesseract CPU s/page (clean, default threads)",
                sequentialFigures.get("tesseractCpuSecondsPerPage"));

        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> overTarget = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        for (Degradation d : Degradation.values()) {
            Map<String, Object> row = row(d, project, plain.result, preprocessingMillis, without);
            rows.add(row);
            double cer = (double) row.get("cer");
            if (cer > (d == Degradation.CLEAN_300 ? CLEAN_CER : DEGRADED_CER)) {
                overTarget.add(d.label);
            }
            if (cer > (double) row.get("tesseractCer")) {
                worse.add(d.label);
            }
            summary.put(d.label + " CER/WER", String.format("%.2f%% / %.2f%%   tesseract %.2f%% / %.2f%%",
                    100 * cer, 100 * (double) row.get("wer"), 100 * (double) row.get("tesseractCer"),
                    100 * (double) row.get("tesseractWer")));
            summary.put(d.label + " preprocessing", stepsLine(row));
        }
        perRun.get(perRun.size() - 1).put("degradations", rows);
        summary.put("target CER (clean ≤ 1%, degraded ≤ 3%)", overTarget.isEmpty() ? "met"
                : "NOT met on " + String.join(", ", overTarget));
        summary.put("target never worse than plain tesseract", worse.isEmpty() ? "met"
                : "NOT met on " + String.join(", ", worse));
        summary.put("target ≥ 20 pages/min on " + TARGET_CORES + " cores (from CPU s/page)",
                TARGET_CORES * 60 / cpuPerPage >= PAGES_PER_MINUTE ? "met" : "NOT met");
        summary.put("load average (1 min) at start / end",
                String.format("%.2f / %.2f", loadAtStart, loadAverage()));
        return new BenchReport("ocr", summary, perRun);
    }

    /**
     * For each step that ran on some page, the results with that step switched off: only the pages it ran on are
     * recognised again (on the others nothing changes).
     */
    private Map<PreprocessingStep, Map<Scan, String>> withoutEachStep(Map<Scan, Reading> project)
            throws Exception {
        Map<PreprocessingStep, Map<Scan, String>> without = new LinkedHashMap<>();
        for (PreprocessingStep step : settings.preprocessing()) {
            List<Scan> changed = scans.stream().filter(s -> project.get(s).applied().contains(step)).toList();
            if (!changed.isEmpty()) {
                Set<PreprocessingStep> others = EnumSet.copyOf(settings.preprocessing());
                others.remove(step);
                Map<Scan, String> results = texts(project);
                results.putAll(texts(recognise(settings.withPreprocessing(others), changed)));
                without.put(step, results);
            }
        }
        return without;
    }

    /** One degradation's figures. */
    private Map<String, Object> row(Degradation d, Map<Scan, Reading> project, Map<Scan, String> plain,
                                    Map<Scan, Double> preprocessingMillis,
                                    Map<PreprocessingStep, Map<Scan, String>> without) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("degradation", d.label);
        row.put("cer", rate(texts(project), d, ErrorRate::cer));
        row.put("wer", rate(texts(project), d, ErrorRate::wer));
        row.put("tesseractCer", rate(plain, d, ErrorRate::cer));
        row.put("tesseractWer", rate(plain, d, ErrorRate::wer));
        List<Scan> pages = scans.stream().filter(s -> s.degradation() == d).toList();
        row.put("pages", pages.size());
        row.put("preprocessingCpuMillisPerPage", Stats.median(pages.stream().map(preprocessingMillis::get).toList()));
        row.put("orientationCheckedPages", pages.stream().filter(s -> project.get(s).orientationChecked()).count());
        // How close the pages come to looking wrong (a mean word confidence under 0.6 asks orientation detection).
        row.put("lowestPageConfidence", pages.stream().mapToDouble(s -> project.get(s).lowestConfidence()).min()
                .orElse(Double.NaN));
        for (PreprocessingStep step : PreprocessingStep.values()) {
            long ran = pages.stream().filter(s -> project.get(s).applied().contains(step)).count();
            row.put(step.label + "Pages", ran);
            if (ran > 0 && without.containsKey(step)) {
                row.put(step.label + "CerWithout", rate(without.get(step), d, ErrorRate::cer));
            }
        }
        return row;
    }

    /** "30 ms/page; deskew on 4/4 (CER without it 61.00%)". */
    private static String stepsLine(Map<String, Object> row) {
        StringBuilder line = new StringBuilder(String.format("%.0f ms/page",
                (double) row.get("preprocessingCpuMillisPerPage")));
        String separator = "; ";
        for (PreprocessingStep step : PreprocessingStep.values()) {
            long ran = (long) row.get(step.label + "Pages");
            if (ran > 0) {
                line.append(separator).append(String.format("%s on %d/%d", step.label, ran, row.get("pages")));
                if (row.containsKey(step.label + "CerWithout")) {
                    line.append(String.format(" (CER without it %.2f%%)",
                            100 * (double) row.get(step.label + "CerWithout")));
                }
                separator = ", ";
            }
        }
        if (separator.equals("; ")) {
            line.append("; no step ran");
        }
        long checked = (long) row.get("orientationCheckedPages");
        if (checked > 0) {
            line.append(String.format("; orientation detection ran on %d/%d", checked, row.get("pages")));
        }
        return line.toString();
    }

    private void requireTesseract() {
        if (Tesseract.version(settings.command()).isEmpty()) {
            throw new ConfigurationException("tesseract cannot be run; install the tesseract-ocr and "
                    + "tesseract-ocr-eng packages (or set " + OcrSettings.TESSERACT + ")");
        }
    }

    /**
     * What Chartroom read on one scan, the corrections that ran, and whether orientation detection was asked (the
     * cost an upright page must not pay).
     */
    private record Reading(String text, Set<PreprocessingStep> applied, boolean orientationChecked,
                           double lowestConfidence) {
    }

    private static Map<Scan, String> texts(Map<Scan, Reading> readings) {
        Map<Scan, String> texts = new LinkedHashMap<>();
        readings.forEach((scan, reading) -> texts.put(scan, reading.text()));
        return texts;
    }

    /** The CPU time preprocessing (before Tesseract) takes on each scan, decoding not included. */
    private Map<Scan, Double> preprocessingMillis() throws Tesseract.PageFailure {
        Preprocessor preprocessor = new Preprocessor(settings);
        Map<Scan, Double> millis = new LinkedHashMap<>();
        for (Scan scan : scans) {
            try (ScanImages images = ScanImages.open(scan.file(), settings.maxPixels())) {
                ScanPage page = images.read(0);
                long started = CpuTime.threadNanos();
                preprocessor.prepare(page);
                millis.put(scan, (CpuTime.threadNanos() - started) / 1e6);
            }
        }
        return millis;
    }

    private static double median(List<Map<String, Object>> runs, String key) {
        return Stats.median(runs.stream().map(m -> (Double) m.get(key)).toList());
    }

    /** Mean error rate over the pages of one degradation (each page's rate weighted by its reference length). */
    private static double rate(Map<Scan, String> results, Degradation d, RateFunction f) {
        double errors = 0;
        double length = 0;
        for (Map.Entry<Scan, String> e : results.entrySet()) {
            if (e.getKey().degradation() == d) {
                int n = e.getKey().reference().length();
                errors += f.rate(e.getKey().reference(), e.getValue()) * n;
                length += n;
            }
        }
        return length == 0 ? Double.NaN : errors / length;
    }

    @FunctionalInterface
    private interface RateFunction {
        double rate(String reference, String hypothesis);
    }

    @FunctionalInterface
    private interface ScanWork<T> {
        T apply(Scan scan) throws Exception;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    /** A result with the wall-clock and CPU time it took. */
    private record Timed<T>(T result, double seconds, double jvmCpuSeconds, double childrenCpuSeconds) {
        Map<String, Object> figures(int pages) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("pages", pages);
            figures.put("seconds", seconds);
            figures.put("pagesPerMinute", pages / seconds * 60);
            figures.put("cpuSecondsPerPage", (jvmCpuSeconds + childrenCpuSeconds) / pages);
            figures.put("tesseractCpuSecondsPerPage", childrenCpuSeconds / pages);
            figures.put("jvmCpuSecondsPerPage", jvmCpuSeconds / pages);
            figures.put("loadAverage", loadAverage());
            return figures;
        }
    }

    private static <T> Timed<T> timed(Work<T> work) throws Exception {
        long jvm = CpuTime.processNanos();
        long children = CpuTime.childrenNanos();
        long started = System.nanoTime();
        T result = work.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Timed<>(result, seconds, seconds(jvm, CpuTime.processNanos()),
                seconds(children, CpuTime.childrenNanos()));
    }

    /** Seconds between two CPU readings; NaN where the platform does not tell. */
    private static double seconds(long before, long after) {
        return before < 0 || after < 0 ? Double.NaN : (after - before) / 1e9;
    }

    /** The 1-minute load average, so a wall-clock figure taken on a busy machine shows it. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * Chartroom's recognition, as many images at once as the machine has cores (as the pipeline's workers): each
     * page decoded by {@link ScanImages} and read by the {@link PageReader} that {@code ScanRecognizer} runs on its
     * pool, called directly so that the corrections each page went through can be counted.
     */
    private static Map<Scan, Reading> recognise(OcrSettings settings, List<Scan> scans) throws Exception {
        PageReader reader = new PageReader(settings);
        return parallel(scans, scan -> {
            try (ScanImages images = ScanImages.open(scan.file(), settings.maxPixels())) {
                List<String> texts = new ArrayList<>();
                Set<PreprocessingStep> applied = EnumSet.noneOf(PreprocessingStep.class);
                boolean checked = false;
                double lowest = 1;
                for (int i = 0; i < images.pages(); i++) {
                    PageReader.PageReading reading = reader.read(images.read(i));
                    texts.add(reading.recognition().text());
                    applied.addAll(reading.applied());
                    checked |= reading.orientationChecked();
                    lowest = Math.min(lowest, reading.recognition().confidence());
                }
                return new Reading(String.join("\n\n", texts), applied, checked, lowest);
            }
        });
    }

    private static int parallelism() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static <T> Map<Scan, T> parallel(List<Scan> scans, ScanWork<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism());
        try {
            Map<Scan, Future<T>> futures = new LinkedHashMap<>();
            for (Scan scan : scans) {
                futures.put(scan, pool.submit(() -> work.apply(scan)));
            }
            Map<Scan, T> results = new LinkedHashMap<>();
            for (Map.Entry<Scan, Future<T>> e : futures.entrySet()) {
                results.put(e.getKey(), e.getValue().get());
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** {@code tesseract FILE stdout}, as a person would run it; single-threaded when {@code singleThreaded}. */
    private static String plainTesseract(Path file, boolean singleThreaded) {
        try {
            ProcessBuilder builder = new ProcessBuilder("tesseract", file.toString(), "stdout")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            if (singleThreaded) {
                builder.environment().put("OMP_THREAD_LIMIT", "1");
            }
            Process process = builder.start();
            process.getOutputStream().close();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("tesseract failed on a corpus page");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run tesseract", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
