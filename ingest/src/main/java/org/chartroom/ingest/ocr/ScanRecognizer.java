package org.chartroom.ingest.ocr;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.text.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises the pages of scans: every page of an image file, or chosen pages of a PDF (those without a text layer).
 *
 * <ul>
 *   <li><b>Page by page, bounded.</b> Pages are decoded or rendered one at a time in the caller's thread and
 *       recognised on a pool of {@link OcrSettings#threads()} threads shared by all documents; at most that many
 *       pages plus one of a document are in memory.</li>
 *   <li><b>A failed page is reported, the others kept.</b> It comes back as an OCR page with empty text, no
 *       confidence and the reason ({@link Page#failure()}, shown in the API's page list), which is also logged with
 *       the page number (never content). Only when every page fails does
 *       the document fail, with the first page's reason.</li>
 *   <li><b>Limits.</b> More than {@link OcrSettings#maxPages()} pages to recognise fails the document; a page larger
 *       than {@link OcrSettings#maxPixels()} (from its header, before decoding) fails that page.</li>
 * </ul>
 *
 * <p>Thread-safe. Close it to stop the pool.
 */
public final class ScanRecognizer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScanRecognizer.class);

    private final OcrSettings settings;
    private final PageReader reader;
    private final Optional<String> version;
    private final ExecutorService pool;

    /** Looks for Tesseract ({@link #available()}); starts no thread until a page is recognised. */
    public ScanRecognizer(OcrSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reader = new PageReader(settings);
        this.version = Tesseract.version(settings.command());
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "ocr-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        if (version.isPresent()) {
            log.info("OCR with {} ({} pages at once)", version.get(), settings.threads());
            if (settings.preprocessing().contains(PreprocessingStep.ORIENTATION)
                    && !Tesseract.languages(settings.command()).contains(Tesseract.OSD_LANGUAGE)) {
                log.warn("pages scanned sideways or upside down will not be turned: Tesseract's orientation model "
                        + "is missing; install the tesseract-ocr-osd package");
            }
        } else {
            log.warn("OCR is off: '{}' could not be run; install the tesseract-ocr and tesseract-ocr-eng packages",
                    settings.command());
        }
    }

    public OcrSettings settings() {
        return settings;
    }

    /** True when Tesseract was found; without it, scans cannot be read. */
    public boolean available() {
        return version.isPresent();
    }

    /**
     * Recognises every page of an image file.
     *
     * @throws UnprocessableContentException when the file is not a readable image, has too many pages, or no page
     *                                       could be recognised
     */
    public List<Page> recogniseImage(Path file, PageProgress progress) {
        try (ScanImages images = ScanImages.open(file, settings.maxPixels())) {
            if (images.pages() > settings.maxPages()) {
                throw ScanImages.tooManyPages(images.pages(), settings.maxPages());
            }
            Batch batch = new Batch(images.pages(), progress);
            for (int i = 0; i < images.pages(); i++) {
                int n = i + 1;
                try {
                    batch.submit(n, images.read(i));
                } catch (Tesseract.PageFailure e) {
                    batch.fail(n, e.getMessage());
                }
            }
            return batch.finish();
        }
    }

    /**
     * Renders and recognises some pages of a PDF.
     *
     * @param numbers the pages to recognise, from 1, in order
     * @return one page per number, in the same order
     * @throws UnprocessableContentException when the PDF cannot be read, there are too many pages, or no page could
     *                                       be recognised
     */
    public List<Page> recognisePdf(Path pdf, List<Integer> numbers, PageProgress progress) {
        if (numbers.size() > settings.maxPages()) {
            throw ScanImages.tooManyPages(numbers.size(), settings.maxPages());
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            // Images larger than the rendering needs are decoded at a lower resolution: bounded memory, and no
            // decompression bomb hidden in a page.
            renderer.setSubsamplingAllowed(true);
            Batch batch = new Batch(numbers.size(), progress);
            for (int n : numbers) {
                try {
                    batch.submit(n, render(document, renderer, n));
                } catch (Tesseract.PageFailure e) {
                    batch.fail(n, e.getMessage());
                }
            }
            return batch.finish();
        } catch (IOException e) {
            throw new UnprocessableContentException("the PDF is corrupt or unreadable");
        }
    }

    private ScanPage render(PDDocument document, PDFRenderer renderer, int n) throws Tesseract.PageFailure {
        int dpi = settings.renderDpi();
        try {
            PDPage page = document.getPage(n - 1);
            Rectangle2D box = page.getCropBox().toGeneralPath().getBounds2D();
            double pixels = box.getWidth() * dpi / 72.0 * (box.getHeight() * dpi / 72.0);
            if (pixels > settings.maxPixels()) {
                throw new Tesseract.PageFailure("page " + n + " would render to " + Math.round(pixels)
                        + " pixels, more than the limit of " + settings.maxPixels() + " (set " + OcrSettings.MAX_PIXELS
                        + ")");
            }
            checkImages(page.getResources(), n);
            return new ScanPage(renderer.renderImageWithDPI(n - 1, dpi, ImageType.GRAY), dpi, dpi);
        } catch (IOException | RuntimeException e) {
            throw new Tesseract.PageFailure("page " + n + " could not be rendered: it is damaged");
        }
    }

    /** Refuses a page whose images declare more pixels than allowed, before anything is decoded. */
    private void checkImages(PDResources resources, int n) throws IOException, Tesseract.PageFailure {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image
                    && (long) image.getWidth() * image.getHeight() > settings.maxPixels() * 4) {
                throw new Tesseract.PageFailure("page " + n + " holds an image of " + image.getWidth() + " × "
                        + image.getHeight() + " pixels, larger than allowed (set " + OcrSettings.MAX_PIXELS + ")");
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** The pages of one document in recognition: at most threads + 1 in memory. */
    private final class Batch {
        private final int total;
        private final PageProgress progress;
        private final Semaphore inMemory = new Semaphore(settings.threads() + 1);
        private final AtomicInteger done = new AtomicInteger();
        private final List<Integer> numbers = new ArrayList<>();
        private final List<Future<Page>> results = new ArrayList<>();

        Batch(int total, PageProgress progress) {
            this.total = total;
            this.progress = progress;
            progress.pages(0, total);
        }

        void submit(int n, ScanPage scan) {
            try {
                inMemory.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recognising a document", e);
            }
            numbers.add(n);
            results.add(pool.submit(() -> {
                try {
                    PageReader.PageReading reading = reader.read(scan);
                    if (!reading.applied().isEmpty() || reading.orientationChecked()) {
                        // Numbers only: the steps, the tilt and what orientation detection said, never text.
                        log.debug("page {} corrected: {} (tilt {}°{})", n, reading.applied(),
                                String.format(java.util.Locale.ROOT, "%.2f", reading.skew()),
                                reading.orientation().map(o -> String.format(java.util.Locale.ROOT,
                                        "; orientation checked: turn %d°, confidence %.1f", o.rotate(),
                                        o.confidence())).orElse(""));
                    }
                    Recognition r = reading.recognition();
                    return new Page(n, r.text(), true, r.confidence());
                } catch (Tesseract.PageFailure e) {
                    return failedPage(n, e.getMessage());
                } finally {
                    inMemory.release();
                    progress.pages(done.incrementAndGet(), total);
                }
            }));
        }

        void fail(int n, String reason) {
            numbers.add(n);
            results.add(java.util.concurrent.CompletableFuture.completedFuture(failedPage(n, reason)));
            progress.pages(done.incrementAndGet(), total);
        }

        private Page failedPage(int n, String reason) {
            failures.add(reason);
            log.warn("OCR of page {} failed: {}", n, reason);
            return Page.failed(n, reason);
        }

        private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

        List<Page> finish() {
            List<Page> pages = new ArrayList<>(results.size());
            try {
                for (Future<Page> result : results) {
                    pages.add(result.get());
                }
            } catch (InterruptedException e) {
                results.forEach(r -> r.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recognising a document", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("page recognition failed unexpectedly", e.getCause());
            }
            if (!failures.isEmpty() && failures.size() == pages.size()) {
                throw new UnprocessableContentException("no page could be recognised: " + failures.get(0));
            }
            return pages;
        }
    }
}
