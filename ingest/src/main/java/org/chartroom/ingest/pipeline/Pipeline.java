package org.chartroom.ingest.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.error.NotFoundException;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.error.UnsupportedMediaTypeException;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.pipeline.DocumentStore;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.TextExtractor;
import org.chartroom.core.pipeline.WorkHandler;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.ingest.extract.PagedTextExtractor;
import org.chartroom.ingest.intake.OriginalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles EXTRACT work: reads the stored original, extracts its text with the first extractor that supports its media
 * type, annotates the text, and stores the document as a DRAFT with version 1 (created by {@value #CREATED_BY},
 * source {@value #SOURCE}).
 *
 * <ul>
 *   <li><b>Idempotent.</b> A document the store already has settled at the item's version or later is skipped, as is
 *       one another worker is processing right now, so a redelivered item does no harm.</li>
 *   <li><b>Content problems are results, not errors.</b> A corrupt or unsupported original, or one without any text
 *       (blank pages, or a scan without recognisable text), is stored as FAILED with the reason, with no
 *       versions.</li>
 *   <li><b>Anything else propagates</b> (storage failures, bugs), so the queue's retry policy applies.</li>
 *   <li><b>Progress.</b> While a document is being processed, {@link #inFlightState} reports it as PROCESSING, and
 *       {@link #progress} how many of its scanned pages have been recognised.</li>
 * </ul>
 *
 * <p>Stored results are not committed here (per-document commits are too slow); a {@link PeriodicCommitter} commits
 * them in batches.
 *
 * <p>{@link #status} answers "where is this document?" across store, pipeline and intake.
 *
 * <p>Thread-safe: called concurrently by the queue's workers.
 */
public final class Pipeline implements WorkHandler {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    public static final String CREATED_BY = "pipeline";
    public static final String SOURCE = "extract";
    static final String NO_TEXT = "no text was found in the document: its pages are blank, or it is a scan in which "
            + "no text could be recognised (rescan it at 300 dpi), or OCR is off (install tesseract-ocr)";

    private final OriginalStore originals;
    private final List<TextExtractor> extractors;
    private final ClinicalAnnotator annotator;
    private final DocumentStore store;
    private final Clock clock;
    private final ConcurrentMap<DocumentId, DocumentState> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentMap<DocumentId, PageCount> progress = new ConcurrentHashMap<>();

    public Pipeline(OriginalStore originals, List<TextExtractor> extractors, ClinicalAnnotator annotator,
                    DocumentStore store) {
        this(originals, extractors, annotator, store, Clock.systemUTC());
    }

    /** @param clock the time stamps of versions and records */
    public Pipeline(OriginalStore originals, List<TextExtractor> extractors, ClinicalAnnotator annotator,
                    DocumentStore store, Clock clock) {
        this.originals = Objects.requireNonNull(originals, "originals");
        this.extractors = List.copyOf(extractors);
        this.annotator = Objects.requireNonNull(annotator, "annotator");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void handle(WorkItem item) {
        if (item.stage() != Stage.EXTRACT) {
            // Retrying would not help: no handler for this stage is wired into this pipeline.
            log.error("no handler for stage {}; dropping the work item of document {}", item.stage(),
                    item.documentId());
            return;
        }
        DocumentId id = item.documentId();
        if (inFlight.putIfAbsent(id, DocumentState.PROCESSING) != null) {
            log.debug("document {} is already being processed; redelivered item ignored", id);
            return;
        }
        try {
            if (isSettled(id, item.version())) {
                log.debug("document {} is already settled at version {} or later; redelivered item ignored", id,
                        item.version());
                return;
            }
            Optional<IntakeRecord> intake = originals.find(id);
            if (intake.isEmpty()) {
                log.warn("no accepted original for document {}; work item dropped", id);
                return;
            }
            store.put(process(intake.get()));
        } finally {
            progress.remove(id);
            inFlight.remove(id);
        }
    }

    /**
     * Scanned pages recognised so far, while a worker is recognising the document; empty otherwise (not started,
     * finished, or a document without scanned pages).
     */
    public Optional<PageCount> progress(DocumentId id) {
        return Optional.ofNullable(progress.get(id));
    }

    /** Progress through a document's scanned pages: {@code done} of {@code total} recognised. */
    public record PageCount(int done, int total) {
    }

    /** PROCESSING while this pipeline is working on the document; empty otherwise. */
    public Optional<DocumentState> inFlightState(DocumentId id) {
        return Optional.ofNullable(inFlight.get(id));
    }

    /**
     * Where a document is, for {@code GET /api/documents/{id}}: the stored record once the pipeline has finished with
     * it; before that, the intake record as PROCESSING (while a worker is on it) or RECEIVED (accepted, waiting).
     *
     * @throws NotFoundException when no document with this id was accepted
     */
    public DocumentRecord status(DocumentId id) {
        Optional<DocumentRecord> stored = store.get(id);
        if (stored.isPresent()) {
            return stored.get();
        }
        Optional<DocumentState> working = inFlightState(id);
        if (working.isEmpty()) {
            // handle() stores a result before it forgets the document, so if it finished between the two looks
            // above, the store has it now.
            stored = store.get(id);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        DocumentState state = working.orElse(DocumentState.RECEIVED);
        return originals.find(id)
                .map(intake -> DocumentRecord.pending(intake, state))
                .orElseThrow(() -> new NotFoundException("no document with id " + id));
    }

    private boolean isSettled(DocumentId id, int version) {
        if (!store.state(id).map(DocumentState::isSettled).orElse(false)) {
            return false;
        }
        // A FAILED record has no versions; it settles the document as much as a draft does.
        return store.get(id)
                .map(record -> record.latest().map(latest -> latest.number() >= version).orElse(true))
                .orElse(false);
    }

    private DocumentRecord process(IntakeRecord intake) {
        DocumentId id = intake.id();
        String mediaType = intake.original().mediaType();
        Optional<TextExtractor> extractor = extractors.stream().filter(e -> e.supports(mediaType)).findFirst();
        if (extractor.isEmpty()) {
            return failed(intake, "no text extractor is configured for " + mediaType);
        }
        long started = System.nanoTime();
        ExtractedText text;
        try (InputStream original = originals.openOriginal(id)) {
            text = extractor.get() instanceof PagedTextExtractor paged
                    ? paged.extract(original, mediaType, (done, total) -> progress.merge(id, new PageCount(done, total),
                            (old, now) -> now.done() >= old.done() ? now : old))
                    : extractor.get().extract(original, mediaType);
        } catch (UnprocessableContentException | UnsupportedMediaTypeException e) {
            return failed(intake, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the original of document " + id, e);
        }
        if (text.text().isBlank()) {
            return failed(intake, NO_TEXT);
        }
        Annotation annotation = annotator.annotate(text.text());
        Instant now = clock.instant();
        DocumentVersion first = new DocumentVersion(1, now, CREATED_BY, SOURCE, text.text(), text.pages(),
                annotation, text.transcription());
        log.info("document {} drafted: {}, {} pages, {} chars, {} sections, {} ms", id, mediaType,
                text.pages().size(), text.text().length(), annotation.sections().size(),
                (System.nanoTime() - started) / 1_000_000);
        return new DocumentRecord(id, intake.metadata(), intake.original(), DocumentState.DRAFT, "", List.of(first),
                now);
    }

    private DocumentRecord failed(IntakeRecord intake, String reason) {
        // Reasons are our own messages (they name types and limits, never content), so they may be logged.
        log.warn("document {} failed ({}): {}", intake.id(), intake.original().mediaType(), reason);
        return new DocumentRecord(intake.id(), intake.metadata(), intake.original(), DocumentState.FAILED, reason,
                List.of(), clock.instant());
    }
}
