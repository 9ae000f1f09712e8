package org.chartroom.ingest.ocr;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Runs the {@code tesseract} command on one page image.
 *
 * <ul>
 *   <li><b>Single-threaded.</b> Tesseract's OpenMP threading spends most of its time spinning on small machines
 *       (7–8 s a page on 2 cores); {@code OMP_THREAD_LIMIT=1} in its environment turns it off, and pages run in
 *       parallel instead.</li>
 *   <li><b>No files.</b> The page goes in on standard input as a grey-scale PNG (fastest deflate) and the TSV
 *       result comes back on
 *       standard output, so no PHI copy is written to disk.</li>
 *   <li><b>Bounded.</b> A page that takes longer than the timeout is killed and reported as
 *       {@link PageFailure}.</li>
 * </ul>
 *
 * <p>Tika's {@code TesseractOCRParser} runs the same command, but cannot set the child's environment or stream the
 * image without a temporary file, and renders a PDF's pages one after another inside a single parse.
 *
 * <p>Thread-safe.
 */
public final class Tesseract {
    /** Reads the processes' output; threads are created as needed and die when idle. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tesseract-output");
        thread.setDaemon(true);
        return thread;
    });

    /** Java's PNG writer maps quality 0.9 to its fastest deflate level (1.0 would be no compression at all). */
    private static final float FAST_DEFLATE = 0.9f;

    /**
     * The orientation model, named explicitly: with {@code -l eng} Tesseract 5.3 detects orientation without the
     * script model and turned an upside-down test page by 90° instead of 180°.
     */
    public static final String OSD_LANGUAGE = "osd";

    private final OcrSettings settings;

    public Tesseract(OcrSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The version line of the installed Tesseract ({@code tesseract 5.3.0}), or empty when it cannot be run. */
    public static Optional<String> version(String command) {
        return quickOutput(command, "--version").flatMap(out -> out.lines().findFirst()).map(String::strip)
                .filter(first -> first.startsWith("tesseract"));
    }

    /**
     * The languages and models the installed Tesseract has ({@code eng}, {@code osd}, ...); empty when it cannot be
     * run.
     */
    public static Set<String> languages(String command) {
        // The first line says where the models are ("List of available languages in ...").
        return quickOutput(command, "--list-langs").map(out -> out.lines().skip(1).map(String::strip)
                .filter(line -> !line.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    /** What {@code tesseract OPTION} prints (standard output and error), when it runs and succeeds within 20 s. */
    private static Optional<String> quickOutput(String command, String option) {
        try {
            Process process = new ProcessBuilder(command, option).redirectErrorStream(true).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                    READERS);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException | ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Recognises one page.
     *
     * @param page     a grey-scale image ({@link BufferedImage#TYPE_BYTE_GRAY})
     * @param dpi      its resolution, which Tesseract uses to judge text size
     * @param deadline when the page's time is up, in {@link System#nanoTime()} (see {@link #deadline()}); shared by
     *                 every Tesseract run on one page
     * @throws PageFailure when Tesseract fails, cannot be started or the page's time is up
     */
    public Recognition recognise(BufferedImage page, int dpi, long deadline) throws PageFailure {
        Run run = run(page, command(dpi), deadline);
        if (run.exitCode() != 0) {
            throw new PageFailure("Tesseract failed with exit code " + run.exitCode());
        }
        return TesseractTsv.parse(run.output());
    }

    /**
     * Tesseract's orientation and script detection ({@code --psm 0}, Debian package {@code tesseract-ocr-osd}): how
     * far the page must be turned to read upright. Empty when Tesseract finds too few characters to tell (it then
     * exits with an error) or OSD is not installed.
     *
     * @throws PageFailure when Tesseract cannot be started or the page's time ({@code deadline}) is up
     */
    public Optional<PageOrientation> orientation(BufferedImage page, int dpi, long deadline) throws PageFailure {
        Run run = run(page, List.of(settings.command(), "stdin", "stdout", "--dpi", Integer.toString(dpi), "--psm",
                "0", "-l", OSD_LANGUAGE), deadline);
        return run.exitCode() == 0 ? PageOrientation.parse(run.output()) : Optional.empty();
    }

    /** What a Tesseract process printed on standard output, and its exit code. */
    private record Run(int exitCode, String output) {
    }

    /** When a page started now must be done: the page timeout from now, in {@link System#nanoTime()}. */
    public long deadline() {
        return System.nanoTime() + settings.pageTimeout().toNanos();
    }

    /** Runs Tesseract on the page given on standard input, single-threaded, until the deadline at the latest. */
    private Run run(BufferedImage page, List<String> command, long deadline) throws PageFailure {
        if (page.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("pages are passed to Tesseract in grey scale");
        }
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            process = builder.start();
        } catch (IOException e) {
            throw new PageFailure("Tesseract could not be started (is tesseract-ocr installed?)");
        }
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                    READERS);
            try (OutputStream in = new BufferedOutputStream(process.getOutputStream(), 1 << 16)) {
                writePng(page, in);
            } catch (IOException e) {
                // Tesseract stopped reading: its exit code says why.
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
                throw new PageFailure("recognition took longer than the page timeout of "
                        + settings.pageTimeout().toSeconds() + " s (set " + OcrSettings.PAGE_TIMEOUT + ")");
            }
            return new Run(process.exitValue(), new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PageFailure("recognition was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new PageFailure("Tesseract's output could not be read");
        } finally {
            process.destroyForcibly();
        }
    }

    private List<String> command(int dpi) {
        List<String> command = new ArrayList<>(List.of(settings.command(), "stdin", "stdout", "--dpi",
                Integer.toString(dpi), "-l", settings.language()));
        for (String option : settings.extraOptions()) {
            command.add("-c");
            command.add(option);
        }
        command.add("tsv");
        return command;
    }

    /**
     * The page as PNG at the fastest deflate level. Why PNG: Tesseract 5.3 (Leptonica 1.82) reads a PGM from a pipe
     * more slowly than a PNG: for a 300 dpi letter page, 1.05 s of its CPU against 0.85 s, with identical output
     * (a BMP read 0.93 s); encoding the PNG costs the JVM about 40 ms. In memory only: the page is PHI.
     */
    private static void writePng(BufferedImage page, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(FAST_DEFLATE);
            writer.write(null, new IIOImage(page, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Why one page could not be recognised; the message names the cause (never content) and the fix. */
    public static final class PageFailure extends Exception {
        private static final long serialVersionUID = 1L;

        public PageFailure(String message) {
            super(message);
        }
    }
}
