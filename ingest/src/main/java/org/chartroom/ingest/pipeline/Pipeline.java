package org.chartroom.ingest.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
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
import org.chartroom.core.pipeline.WorkQueue;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.core.text.Page;
import org.chartroom.ingest.extract.PagedTextExtractor;
import org.chartroom.ingest.intake.OriginalStore;
import org.chartroom.ingest.results.ResultStore;
import org.chartroom.ingest.results.StoredResult;
import org.chartroom.ingest.results.TextResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stages a document version passes through: a reading stage (EXTRACT with Tika; OCR for scans; ASR for
 * dictations) → NLP → INDEX, which stores the document as a DRAFT (version 1, created by {@value #CREATED_BY}, source
 * the reading stage) or as FAILED with the reason.
 *
 * <ul>
 *   <li><b>Local stages run in one go.</b> This pipeline runs the stages it is given ({@link Builder#stages}); when the
 *       next stage is one of them it goes on in memory, without storing the intermediate result. The embedded
 *       default runs every stage, so an upload costs no more than before the stages could run apart.</li>
 *   <li><b>Hand-off.</b> When the next stage runs elsewhere (a worker process over Pulsar), the result is saved
 *       durably in the {@link ResultStore} first and then the next work item is submitted; the queue acknowledges
 *       the item being handled only after both.</li>
 *   <li><b>Resuming.</b> An item starts from the furthest result stored for its document version, whatever stage it
 *       names: a redelivered item does not redo work, and a restart resumes where the document had got to. When a
 *       stage's input is missing (discarded after indexing, or never saved) it starts again from the original.</li>
 *   <li><b>Idempotent.</b> Where the document store is local, a document already settled at the item's version or
 *       later is skipped; one this process is working on already is skipped too.</li>
 *   <li><b>Content problems are results, not errors.</b> A corrupt or unsupported original, or one without any text,
 *       becomes FAILED with the reason. Anything else propagates (storage failures, bugs), so the queue retries; when
 *       it gives up it calls {@link #deadLettered}, which stores the document as FAILED with the cause.</li>
 *   <li><b>Progress.</b> While a document is in this process, {@link #inFlightState} reports it as PROCESSING, and
 *       {@link #progress} how many of its scanned pages have been recognised.</li>
 * </ul>
 *
 * <p>Stored records are not committed here (per-document commits are too slow); a {@link PeriodicCommitter} commits
 * them in batches. The extractor's {@link ExtractedText} passes through unchanged to NLP and into the version.
 *
 * <p>Thread-safe: called concurrently by the queue's workers.
 */
public final class Pipeline implements WorkHandler, DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    public static final String CREATED_BY = "pipeline";
    public static final String SOURCE = "extract";
    static final String NO_TEXT = "no text was found in the document: its pages are blank, or it is a scan in which "
            + "no text could be recognised (rescan it at 300 dpi), or OCR is off (install tesseract-ocr)";

    private final OriginalStore originals;
    private final StageReaders readers;
    private final ClinicalAnnotator annotator;
    private final DocumentStore store;
    private final ResultStore results;
    private final WorkQueue handOff;
    private final Set<Stage> local;
    private final Durability indexDurability;
    private final Clock clock;
    private final ConcurrentMap<DocumentId, DocumentState> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentMap<DocumentId, PageCount> progress = new ConcurrentHashMap<>();
    private final AtomicLong handled = new AtomicLong();

    /** The embedded pipeline: every stage in this process, the extractors all read at EXTRACT. */
    public Pipeline(OriginalStore originals, List<TextExtractor> extractors, ClinicalAnnotator annotator,
                    DocumentStore store) {
        this(originals, extractors, annotator, store, Clock.systemUTC());
    }

    /** @param clock the time stamps of versions and records */
    public Pipeline(OriginalStore originals, List<TextExtractor> extractors, ClinicalAnnotator annotator,
                    DocumentStore store, Clock clock) {
        this(builder(originals).readers(StageReaders.of(extractors)).annotator(annotator).store(store).clock(clock));
    }

    private Pipeline(Builder b) {
        this.originals = Objects.requireNonNull(b.originals, "originals");
        this.readers = Objects.requireNonNull(b.readers, "readers");
        this.local = Set.copyOf(b.stages);
        this.annotator = b.annotator;
        this.store = b.store;
        this.results = b.results;
        this.handOff = b.handOff;
        this.indexDurability = b.indexDurability;
        this.clock = Objects.requireNonNull(b.clock, "clock");
        if (local.contains(Stage.NLP) && annotator == null) {
            throw new IllegalArgumentException("the NLP stage needs an annotator");
        }
        if (local.contains(Stage.INDEX) && store == null) {
            throw new IllegalArgumentException("the INDEX stage needs the document store");
        }
        if (!local.containsAll(EnumSet.allOf(Stage.class)) && (results == null || handOff == null)) {
            throw new IllegalArgumentException("stages that run elsewhere need the results store and a work queue");
        }
    }

    public static Builder builder(OriginalStore originals) {
        return new Builder(originals);
    }

    /** The stages this pipeline runs itself. */
    public Set<Stage> stages() {
        return local;
    }

    /** Work items handled so far by this pipeline (for the worker's log). */
    public long handledCount() {
        return handled.get();
    }

    @Override
    public void handle(WorkItem item) {
        if (!local.contains(item.stage())) {
            // Retrying would not help: no handler for this stage is wired into this pipeline.
            log.error("no handler for stage {} in this process; dropping the work item of document {}", item.stage(),
                    item.documentId());
            return;
        }
        DocumentId id = item.documentId();
        if (inFlight.putIfAbsent(id, DocumentState.PROCESSING) != null) {
            log.debug("document {} is already being processed; redelivered item ignored", id);
            return;
        }
        try {
            if (store != null && isSettled(id, item.version())) {
                log.debug("document {} is already settled at version {} or later; redelivered item ignored", id,
                        item.version());
                return;
            }
            Optional<IntakeRecord> intake = originals.find(id);
            if (intake.isEmpty()) {
                log.warn("no accepted original for document {}; work item dropped", id);
                return;
            }
            run(intake.get(), item);
            handled.incrementAndGet();
        } finally {
            progress.remove(id);
            inFlight.remove(id);
        }
    }

    /**
     * Stores the document as FAILED because the queue gave up on it, unless it has settled meanwhile. Only where the
     * document store is local (the serving process).
     */
    @Override
    public void deadLettered(WorkItem item, int attempts, String cause) {
        if (store == null) {
            throw new IllegalStateException("dead letters are recorded where the document store is");
        }
        DocumentId id = item.documentId();
        if (isSettled(id, item.version())) {
            log.info("document {} was dead-lettered at {} but has settled meanwhile; nothing to record", id,
                    item.stage());
            return;
        }
        Optional<IntakeRecord> intake = originals.find(id);
        if (intake.isEmpty()) {
            log.warn("no accepted original for dead-lettered document {}", id);
            return;
        }
        String reason = "processing stopped at the " + item.stage().name().toLowerCase(Locale.ROOT)
                + " stage after " + attempts + " failed attempts (" + cause + "); upload the document again or "
                + "report the failure to the administrator";
        store.put(failed(intake.get(), reason));
        discardResultsWhenDurable(id, item.version());
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
     * it; before that, the intake record as PROCESSING (while a stage is on it here, or a stage elsewhere has stored
     * a result) or RECEIVED (accepted, waiting).
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
            if (results != null && results.hasAny(id, 1)) {
                working = Optional.of(DocumentState.PROCESSING);
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

    /** Runs the item's stages while they are local, then saves the result and hands the next stage off. */
    private void run(IntakeRecord intake, WorkItem item) {
        Step step = resume(item);
        while (step != null) {
            if (!local.contains(step.stage())) {
                handOff(intake.id(), item.version(), step);
                return;
            }
            step = runStage(intake, item.version(), step);
        }
    }

    private Step resume(WorkItem item) {
        // Where every stage is local, an EXTRACT item is a new upload (or recovery found nothing stored): no lookup,
        // so the embedded default pays nothing for the stages being able to run apart.
        boolean fresh = item.stage() == Stage.EXTRACT && local.size() == Stage.values().length;
        StoredResult stored = results == null || fresh ? StoredResult.NONE : results.furthest(item.documentId(),
                item.version());
        return switch (stored.kind()) {
            case FAILED -> new Step(Stage.INDEX, null, null, stored.failure().orElseThrow(), true);
            case DRAFT -> new Step(Stage.INDEX, null, stored.draft().orElseThrow(), null, true);
            case TEXT -> new Step(Stage.NLP, stored.text().orElseThrow(), null, null, true);
            case NONE -> switch (item.stage()) {
                case EXTRACT, OCR, ASR -> Step.read(item.stage());
                default -> {
                    log.info("document {}: no stored input for the {} stage; starting again from the original",
                            item.documentId(), item.stage());
                    yield Step.read(Stage.EXTRACT);
                }
            };
        };
    }

    private void handOff(DocumentId id, int version, Step step) {
        if (!step.saved()) {
            if (step.failure() != null) {
                results.saveFailure(id, version, step.failure());
            } else if (step.draft() != null) {
                results.saveDraft(id, version, step.draft());
            } else if (step.text() != null) {
                results.saveText(id, version, step.text());
            }
        }
        handOff.submit(new WorkItem(id, version, step.stage()));
    }

    /** Runs one stage; the step to take next, or null when the document is in the store. */
    private Step runStage(IntakeRecord intake, int version, Step step) {
        return switch (step.stage()) {
            case EXTRACT -> extract(intake);
            case OCR, ASR -> read(intake, step.stage(), null);
            case NLP -> annotate(intake.id(), version, step.text());
            case INDEX -> {
                index(intake, version, step);
                yield null;
            }
        };
    }

    private Step extract(IntakeRecord intake) {
        String mediaType = intake.original().mediaType();
        Optional<Stage> route = readers.route(mediaType);
        if (route.isEmpty()) {
            return failure(intake, "no text extractor is configured for " + mediaType);
        }
        if (route.get() != Stage.EXTRACT) {
            return Step.read(route.get());
        }
        return read(intake, Stage.EXTRACT, readers);
    }

    /**
     * Reads the original at a reading stage.
     *
     * @param rerouting the readers when blank pages may go on to OCR (at EXTRACT); null otherwise
     */
    private Step read(IntakeRecord intake, Stage stage, StageReaders rerouting) {
        DocumentId id = intake.id();
        String mediaType = intake.original().mediaType();
        Optional<TextExtractor> extractor = readers.reader(stage, mediaType);
        if (extractor.isEmpty()) {
            // Routed here by mistake (or by an older build): go where the type is read.
            log.info("document {}: the {} stage does not read {}; routing it again", id, stage, mediaType);
            return extract(intake);
        }
        if (stage != Stage.EXTRACT) {
            log.info("document {}: {} started ({})", id, stage, mediaType);
        }
        ExtractedText text;
        try (InputStream original = originals.openOriginal(id)) {
            text = extractor.get() instanceof PagedTextExtractor paged
                    ? paged.extract(original, mediaType, (done, total) -> progress.merge(id, new PageCount(done, total),
                            (old, now) -> now.done() >= old.done() ? now : old))
                    : extractor.get().extract(original, mediaType);
        } catch (UnprocessableContentException | UnsupportedMediaTypeException e) {
            return failure(intake, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the original of document " + id, e);
        }
        if (rerouting != null && text.pages().stream().map(Page::text).anyMatch(String::isBlank)
                && rerouting.recognisedElsewhere(extractor.get(), mediaType)) {
            log.info("document {}: pages without a text layer; on to OCR", id);
            return Step.read(Stage.OCR);
        }
        if (text.text().isBlank()) {
            return failure(intake, NO_TEXT);
        }
        return new Step(Stage.NLP, new TextResult(stage.name().toLowerCase(Locale.ROOT), text), null, null,
                false);
    }

    private Step annotate(DocumentId id, int version, TextResult read) {
        long started = System.nanoTime();
        ExtractedText text = read.text();
        Annotation annotation = annotator.annotate(text.text());
        DocumentVersion draft = new DocumentVersion(version, clock.instant(), CREATED_BY, read.source(), text.text(),
                text.pages(), annotation, text.transcription());
        log.info("document {} drafted: {}, {} pages, {} chars, {} sections, {} ms", id, text.mediaType(),
                text.pages().size(), text.text().length(), annotation.sections().size(),
                (System.nanoTime() - started) / 1_000_000);
        return new Step(Stage.INDEX, null, draft, null, false);
    }

    private void index(IntakeRecord intake, int version, Step step) {
        if (step.failure() != null) {
            store.put(failed(intake, step.failure()));
        } else {
            DocumentVersion draft = step.draft();
            store.put(new DocumentRecord(intake.id(), intake.metadata(), intake.original(), DocumentState.DRAFT, "",
                    List.of(draft), draft.createdAt()));
        }
        if (step.saved()) {
            discardResultsWhenDurable(intake.id(), version);
        }
    }

    private void discardResultsWhenDurable(DocumentId id, int version) {
        if (results != null) {
            indexDurability.afterStored().thenRun(() -> results.discard(id, version));
        }
    }

    private Step failure(IntakeRecord intake, String reason) {
        // Reasons are our own messages (they name types and limits, never content), so they may be logged.
        log.warn("document {} failed ({}): {}", intake.id(), intake.original().mediaType(), reason);
        return new Step(Stage.INDEX, null, null, reason, false);
    }

    private DocumentRecord failed(IntakeRecord intake, String reason) {
        return new DocumentRecord(intake.id(), intake.metadata(), intake.original(), DocumentState.FAILED, reason,
                List.of(), clock.instant());
    }

    /**
     * The next stage to run and its input: nothing (a reading stage reads the original), the text (NLP), or the
     * draft or failure reason (INDEX).
     *
     * @param saved whether the input is in the results store already
     */
    private record Step(Stage stage, TextResult text, DocumentVersion draft, String failure, boolean saved) {
        static Step read(Stage stage) {
            return new Step(stage, null, null, null, false);
        }
    }

    /** What a pipeline is made of; the embedded default is every stage with a document store and no results store. */
    public static final class Builder {
        private final OriginalStore originals;
        private StageReaders readers = StageReaders.of(List.of());
        private ClinicalAnnotator annotator;
        private DocumentStore store;
        private ResultStore results;
        private WorkQueue handOff;
        private Set<Stage> stages = EnumSet.allOf(Stage.class);
        private Durability indexDurability = Durability.IMMEDIATE;
        private Clock clock = Clock.systemUTC();

        private Builder(OriginalStore originals) {
            this.originals = originals;
        }

        public Builder readers(StageReaders value) {
            this.readers = value;
            return this;
        }

        /** Needed when NLP is local. */
        public Builder annotator(ClinicalAnnotator value) {
            this.annotator = value;
            return this;
        }

        /** Needed when INDEX is local. */
        public Builder store(DocumentStore value) {
            this.store = value;
            return this;
        }

        /** Where results are saved before a hand-off, and read when an item resumes. */
        public Builder results(ResultStore value) {
            this.results = value;
            return this;
        }

        /** Where the next stage's item goes when that stage runs elsewhere. */
        public Builder handOff(WorkQueue value) {
            this.handOff = value;
            return this;
        }

        /** The stages run in this process (default: all). */
        public Builder stages(Set<Stage> value) {
            this.stages = EnumSet.copyOf(value);
            return this;
        }

        /** When what INDEX put is durable, so saved results can be discarded (default: at once). */
        public Builder indexDurability(Durability value) {
            this.indexDurability = Objects.requireNonNull(value, "indexDurability");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Pipeline build() {
            return new Pipeline(this);
        }
    }
}
