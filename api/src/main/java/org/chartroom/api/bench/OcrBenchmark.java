package org.chartroom.api.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chartroom.api.bench.ScanCorpus.Degradation;
import org.chartroom.api.bench.ScanCorpus.Scan;
import org.chartroom.core.text.Page;
import org.chartroom.ingest.ocr.OcrSettings;
import org.chartroom.ingest.ocr.PageProgress;
import org.chartroom.ingest.ocr.ScanRecognizer;

/**
 * OCR accuracy and speed on the generated {@link ScanCorpus}: character and word error rate per degradation for
 * Chartroom's recognition and for the plain {@code tesseract} command on the same images, side by side, and pages per
 * minute. For the low-resolution variants it also runs Chartroom without resolution normalisation, to show what that
 * step earns.
 *
 * <p>Accuracy of plain {@code tesseract} does not depend on its threading, so its accuracy runs go in parallel
 * single-threaded; its speed is measured as people run it, one page after another with its default threading, on the
 * clean pages.
 */
public final class OcrBenchmark {
    private final List<Scan> scans;
    private final OcrSettings settings;

    public OcrBenchmark(List<Scan> scans, OcrSettings settings) {
        this.scans = List.copyOf(scans);
        this.settings = settings;
    }

    public BenchReport run(int runs) throws Exception {
        List<Map<String, Object>> perRun = new ArrayList<>();
        Map<Scan, String> project = null;
        for (int r = 1; r <= runs; r++) {
            Map<String, Object> run = new LinkedHashMap<>();
            long started = System.nanoTime();
            project = recognise(settings, scans);
            double seconds = (System.nanoTime() - started) / 1e9;
            run.put("run", r);
            run.put("pages", scans.size());
            run.put("seconds", seconds);
            run.put("pagesPerMinute", scans.size() / seconds * 60);
            perRun.add(run);
        }
        List<Scan> lowResolution = scans.stream().filter(s -> s.degradation().lowResolution()).toList();
        Map<Scan, String> unnormalised = recognise(settings.withNormaliseResolution(false), lowResolution);
        Map<Scan, String> plain = parallel(scans, scan -> plainTesseract(scan.file(), true));
        List<Scan> clean = scans.stream().filter(s -> s.degradation() == Degradation.CLEAN_300).toList();
        long started = System.nanoTime();
        for (Scan scan : clean) {
            plainTesseract(scan.file(), false);
        }
        double plainPagesPerMinute = clean.size() / ((System.nanoTime() - started) / 1e9) * 60;

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pages per degradation", clean.size());
        summary.put("OCR threads", settings.threads());
        summary.put("pagesPerMinute (Chartroom, all variants)",
                Stats.median(perRun.stream().map(m -> (Double) m.get("pagesPerMinute")).toList()));
        summary.put("pagesPerMinute (plain tesseract, clean, sequential)", plainPagesPerMinute);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Degradation d : Degradation.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("degradation", d.label);
            row.put("cer", rate(project, d, ErrorRate::cer));
            row.put("wer", rate(project, d, ErrorRate::wer));
            row.put("tesseractCer", rate(plain, d, ErrorRate::cer));
            row.put("tesseractWer", rate(plain, d, ErrorRate::wer));
            if (d.lowResolution()) {
                row.put("cerWithoutNormalisation", rate(unnormalised, d, ErrorRate::cer));
            }
            rows.add(row);
            summary.put(d.label + " CER/WER", String.format("%.2f%% / %.2f%%   tesseract %.2f%% / %.2f%%%s",
                    100 * (double) row.get("cer"), 100 * (double) row.get("wer"),
                    100 * (double) row.get("tesseractCer"), 100 * (double) row.get("tesseractWer"),
                    d.lowResolution() ? String.format("   (no normalisation: CER %.2f%%)",
                            100 * (double) row.get("cerWithoutNormalisation")) : ""));
        }
        perRun.get(perRun.size() - 1).put("degradations", rows);
        summary.put("load average at the end", loadAverage());
        return new BenchReport("ocr", summary, perRun);
    }

    /** The 1-minute load average (Linux), so a throughput figure taken on a busy machine shows it. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
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

    /** Chartroom's recognition, {@code threads} images at once (as the pipeline's workers would). */
    private static Map<Scan, String> recognise(OcrSettings settings, List<Scan> scans) throws Exception {
        try (ScanRecognizer recognizer = new ScanRecognizer(settings)) {
            if (!recognizer.available()) {
                throw new org.chartroom.core.error.ConfigurationException("tesseract cannot be run; install the "
                        + "tesseract-ocr and tesseract-ocr-eng packages");
            }
            return parallel(scans, scan -> recognizer.recogniseImage(scan.file(), PageProgress.NONE).stream()
                    .map(Page::text).collect(Collectors.joining("\n\n")));
        }
    }

    private static Map<Scan, String> parallel(List<Scan> scans, Function<Scan, String> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            Map<Scan, Future<String>> futures = new LinkedHashMap<>();
            for (Scan scan : scans) {
                futures.put(scan, pool.submit(() -> work.apply(scan)));
            }
            Map<Scan, String> results = new LinkedHashMap<>();
            for (Map.Entry<Scan, Future<String>> e : futures.entrySet()) {
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
