package org.chartroom.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.document.Original;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PayloadTooLargeException;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.error.UnsupportedMediaTypeException;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.TextExtractor;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.core.pipeline.WorkQueue;
import org.chartroom.ingest.format.DocumentFormats;
import org.chartroom.ingest.format.MediaTypeSniffer;
import org.chartroom.ingest.ocr.ScanImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts uploads: checks them, stores them durably and queues them for extraction.
 *
 * <p>A format is accepted when the {@code readable} predicate says the pipeline can read it (see {@link #readableBy}),
 * so adding an extractor (OCR, speech) widens intake with no change here.
 *
 * <p>Thread-safe (no mutable state of its own).
 */
public final class IntakeService {
    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    private static final int MAX_FILE_NAME = 255;

    private final OriginalStore store;
    private final MediaTypeSniffer sniffer;
    private final Predicate<String> readable;
    private final WorkQueue queue;
    private final IntakeSettings settings;
    private final Clock clock;

    /**
     * With its own {@link MediaTypeSniffer} (loading Tika's configuration takes a moment; build the service once).
     *
     * @param readable which detected media types the pipeline can read; typically "some configured
     *                 {@link TextExtractor} supports it", so that intake never accepts what the pipeline cannot read
     */
    public IntakeService(OriginalStore store, Predicate<String> readable, WorkQueue queue, IntakeSettings settings) {
        this(store, new MediaTypeSniffer(), readable, queue, settings, Clock.systemUTC());
    }

    public IntakeService(OriginalStore store, MediaTypeSniffer sniffer, Predicate<String> readable, WorkQueue queue,
                         IntakeSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.sniffer = Objects.requireNonNull(sniffer, "sniffer");
        this.readable = Objects.requireNonNull(readable, "readable");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private void checkImage(StagedUpload staged) {
        try (InputStream image = staged.openContent()) {
            ScanImages.check(image, settings.maxImagePixels(), settings.maxImagePages());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a staged upload", e);
        }
    }

    /** "Readable" as intake's configured extractors define it: some extractor supports the type. */
    public static Predicate<String> readableBy(List<? extends TextExtractor> extractors) {
        List<TextExtractor> copy = List.copyOf(extractors);
        return mediaType -> copy.stream().anyMatch(extractor -> extractor.supports(mediaType));
    }

    /**
     * Accepts one upload. When this returns, the original and its intake record are durably stored (the upload may be
     * acknowledged, e.g. with 202) and an EXTRACT work item has been queued. On any failure nothing is stored and no
     * temporary file is left behind.
     *
     * @param metadata   what the uploader says about the document
     * @param fileName   the client's file name: kept for display only, never used as a path or to decide the type
     * @param receivedBy the authenticated user's id ("cli" for command-line intake)
     * @param content    the upload; read to the end (or to the limit) but not closed
     * @return the intake record, whose id names the new document
     * @throws PayloadTooLargeException      when the upload is longer than {@link IntakeSettings#maxUploadBytes()}
     * @throws InvalidInputException         when the upload is empty or could not be read to the end
     * @throws UnsupportedMediaTypeException when the content is not a supported document type
     * @throws UnprocessableContentException when a PDF is corrupt, cut off, password-protected or has no pages, an
     *                                       image is corrupt, has too many pages or pages too large (from headers),
     *                                       or a WAV file is shorter than its header says
     * @throws PayloadTooLargeException      also when a WAV header declares a dictation over the length limit
     */
    public IntakeRecord accept(DocumentMetadata metadata, String fileName, String receivedBy, InputStream content) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(receivedBy, "receivedBy");
        Objects.requireNonNull(content, "content");
        try (StagedUpload staged = store.stage(content, settings.maxUploadBytes())) {
            if (staged.size() == 0) {
                throw new InvalidInputException("the file is empty");
            }
            String mediaType = detect(staged);
            if (!readable.test(mediaType)) {
                throw DocumentFormats.unsupported(mediaType, supportedTypes());
            }
            if (DocumentFormats.PDF.equals(mediaType)) {
                PdfCheck.check(staged);
            } else if (DocumentFormats.IMAGES.contains(mediaType)) {
                checkImage(staged);
            } else if (DocumentFormats.WAV.equals(mediaType)) {
                WavCheck.check(staged, settings.maxAudioSeconds());
            }
            IntakeRecord record = new IntakeRecord(DocumentId.random(), metadata, new Original(displayName(fileName),
                    mediaType, staged.size(), staged.sha256(), clock.instant(), receivedBy));
            store.commit(staged, record);
            log.info("accepted document {} ({} bytes, {})", record.id(), staged.size(), mediaType);
            enqueue(record.id());
            return record;
        }
    }

    private String detect(StagedUpload staged) {
        try (InputStream content = staged.openContent()) {
            return sniffer.detect(content, store.scratchDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a staged upload", e);
        }
    }

    /** The known document formats intake accepts, for the "supported: …" part of errors. */
    public List<String> supportedTypes() {
        return DocumentFormats.KNOWN.stream().filter(readable).toList();
    }

    private void enqueue(DocumentId id) {
        try {
            queue.submit(new WorkItem(id, 1, Stage.EXTRACT));
        } catch (IllegalStateException e) {
            // The queue closes only at shutdown. The upload is durable, so it is still accepted: recovery at the
            // next start finds it unprocessed and queues it again.
            log.warn("work queue closed; document {} will be processed after the next start", id);
        }
    }

    /** The last path segment of the client's name, without control characters, at most 255 characters. */
    static String displayName(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.length() <= MAX_FILE_NAME) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(MAX_FILE_NAME - 1)) ? MAX_FILE_NAME - 1 : MAX_FILE_NAME;
        return name.substring(0, end);
    }
}
