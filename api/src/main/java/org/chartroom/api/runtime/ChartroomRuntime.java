package org.chartroom.api.runtime;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.chartroom.api.audit.AuditLog;
import org.chartroom.asr.AsrSettings;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.audit.AuditEvent;
import java.util.Map;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.MasterKeys;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.error.NotFoundException;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.WorkQueue;
import org.chartroom.core.search.SearchQuery;
import org.chartroom.core.search.SearchResult;
import org.chartroom.indexer.LuceneDocumentStore;
import org.chartroom.indexer.StoreSettings;
import org.chartroom.ingest.ocr.ScanRecognizer;
import org.chartroom.ingest.format.MediaTypeSniffer;
import org.chartroom.ingest.intake.IntakeService;
import org.chartroom.ingest.intake.IntakeSettings;
import org.chartroom.ingest.intake.OriginalStore;
import org.chartroom.ingest.pipeline.PeriodicCommitter;
import org.chartroom.ingest.pipeline.Pipeline;
import org.chartroom.ingest.pipeline.Recovery;
import org.chartroom.ingest.pipeline.StageReaders;
import org.chartroom.ingest.queue.EmbeddedWorkQueue;
import org.chartroom.ingest.queue.pulsar.PulsarSettings;
import org.chartroom.ingest.queue.pulsar.PulsarWorkQueue;
import org.chartroom.ingest.results.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Chartroom on a data directory: the stores, the stages and the queue, wired together. Embedded default:
 * every stage in this process on the in-process queue. Scaled out: the queue is Pulsar, and this process runs only the
 * index stage (see {@link #open(ChartroomSettings, Optional)}). The server and the command-line tools both run on this; the server registers it as a bean.
 *
 * <p>{@link #open} rebuilds pending work from the store (every accepted upload the index does not have yet is queued
 * again) before it returns. {@link #close} stops intake, lets in-flight work finish, commits the index and releases
 * the data directory. Thread-safe.
 */
public final class ChartroomRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChartroomRuntime.class);

    private final ChartroomSettings settings;
    private final OriginalStore originals;
    private final LuceneDocumentStore store;
    private final WorkQueue queue;
    private final Pipeline pipeline;
    private final IntakeService intake;
    private final PeriodicCommitter committer;
    private final AuditLog audit;
    private final ScanRecognizer ocr;
    private final Optional<DictationExtractor> dictation;
    private final DraftRevisions drafts;
    private final Signing signing;
    private final Addenda addenda;
    private final CodeReviews codeReviews;
    private boolean closed;

    private ChartroomRuntime(ChartroomSettings settings, OriginalStore originals, LuceneDocumentStore store,
                             WorkQueue queue, Pipeline pipeline, IntakeService intake,
                             PeriodicCommitter committer, AuditLog audit, ScanRecognizer ocr,
                             Optional<DictationExtractor> dictation, DraftRevisions drafts) {
        this.settings = settings;
        this.originals = originals;
        this.store = store;
        this.queue = queue;
        this.pipeline = pipeline;
        this.intake = intake;
        this.committer = committer;
        this.audit = audit;
        this.ocr = ocr;
        this.dictation = dictation;
        this.drafts = drafts;
        this.signing = new Signing(store, Clock.systemUTC());
        this.addenda = new Addenda(store, drafts.annotator(), Clock.systemUTC());
        this.codeReviews = new CodeReviews(store, () -> Components.codeIndexIfBuilt(settings.dataDir()),
                Clock.systemUTC());
    }

    /** Opens the data directory with encryption at rest, the master keys as the environment says (see {@link MasterKeys}). */
    public static ChartroomRuntime open(ChartroomSettings settings) {
        return open(settings, encryption(settings, System.getenv()), Optional.empty());
    }

    /**
     * Opens the data directory as {@link #open(ChartroomSettings)}, scaled out when {@code pulsar} is given: intake
     * publishes EXTRACT work to Pulsar instead of running it here, the worker processes ({@code chartroom worker})
     * run the stages up to NLP, and this process runs the index stage (Lucene has one writer: this one) and records
     * dead letters.
     */
    public static ChartroomRuntime open(ChartroomSettings settings, Optional<PulsarSettings> pulsar) {
        return open(settings, encryption(settings, System.getenv()), pulsar);
    }

    /**
     * The encryption of a data directory: its master keys from {@code env}, generating the default keystore on first
     * start with a warning (no key material) that it must be backed up and moved off the data disk for production.
     *
     * @throws org.chartroom.core.error.ConfigurationException when a key setting is wrong (the message names it)
     */
    public static Encryption encryption(ChartroomSettings settings, Map<String, String> env) {
        return Encryption.with(MasterKeys.load(env, settings.dataDir(), notice -> LOG.warn("{}", notice)));
    }

    /** Opens the data directory with the given encryption ({@link Encryption#off()} only to measure its cost). */
    public static ChartroomRuntime open(ChartroomSettings settings, Encryption encryption) {
        return open(settings, encryption, Optional.empty());
    }

    /** Opens the data directory with the given encryption, embedded or scaled out over {@code pulsar}. */
    public static ChartroomRuntime open(ChartroomSettings settings, Encryption encryption,
                                        Optional<PulsarSettings> pulsar) {
        long started = System.nanoTime();
        OriginalStore originals = OriginalStore.open(settings.originalsDir(), encryption);
        LuceneDocumentStore store = null;
        ScanRecognizer ocr = null;
        Optional<DictationExtractor> dictation = Optional.empty();
        PeriodicCommitter committer = null;
        WorkQueue queue = null;
        try {
            ResultStore results = ResultStore.open(settings.resultsDir(), encryption);
            store = LuceneDocumentStore.open(settings.indexDir(),
                    StoreSettings.defaults().withRefreshInterval(settings.refreshInterval()).withEncryption(encryption));
            // Tika spools some originals to temporary files while parsing: keep those PHI copies in the data dir.
            ocr = new ScanRecognizer(settings.ocr());
            // After the store: it holds the data directory's lock, and opening speech recognition clears its spool.
            // Scaled out, dictations are recognised in the workers: this process only routes them.
            AsrSettings asr = settings.asr();
            if (pulsar.isEmpty()) {
                dictation = DictationExtractor.open(asr);
            }
            StageReaders readers = Components.readers(settings.dataDir(), originals.scratchDirectory(), ocr,
                    pulsar.isPresent(), dictation);
            // Corrections are annotated where they are saved, so a scaled-out server needs the annotator too.
            ClinicalAnnotator annotator = Components.annotatorIfIndexed(settings.dataDir());
            committer = new PeriodicCommitter(store, settings.commitInterval());
            Pipeline pipeline;
            if (pulsar.isPresent()) {
                PulsarWorkQueue published = PulsarWorkQueue.connect(pulsar.get(), EnumSet.of(Stage.INDEX),
                        committer::nextCommit);
                queue = published;
                pipeline = Pipeline.builder(originals).readers(readers).store(store).results(results)
                        .handOff(published).stages(EnumSet.of(Stage.INDEX)).indexDurability(committer::nextCommit)
                        .build();
                published.recordDeadLettersWith(pipeline);
            } else {
                pipeline = Pipeline.builder(originals).readers(readers)
                        .annotator(annotator).store(store).results(results)
                        .indexDurability(committer::nextCommit).build();
                queue = new EmbeddedWorkQueue(settings.pipeline(System.getenv()), pipeline);
            }
            IntakeService intake = new IntakeService(originals, new MediaTypeSniffer(Components.tikaConfig()),
                    readers::readable, queue, new IntakeSettings(settings.maxUploadBytes())
                            .withImageLimitsOf(ocr.settings()).withMaxAudioSeconds(asr.maxSeconds()),
                    Clock.systemUTC());
            queue.start(pipeline);
            int resubmitted = new Recovery(originals, store, results, queue).resubmitUnfinished();
            LOG.info("data directory open: {} documents indexed, {} unfinished uploads queued again, {}, {}, {} ms",
                    store.count(), resubmitted, encryption, pulsar.map(p -> "stages through Pulsar at "
                            + p.serviceUrl() + " (index stage here)").orElse("embedded pipeline"),
                    (System.nanoTime() - started) / 1_000_000);
            return new ChartroomRuntime(settings, originals, store, queue, pipeline, intake, committer,
                    AuditLog.open(settings.auditDir(), encryption), ocr, dictation,
                    new DraftRevisions(store, annotator, Clock.systemUTC()));
        } catch (RuntimeException e) {
            dictation.ifPresent(DictationExtractor::close);
            if (queue != null) {
                queue.close();
            }
            if (committer != null) {
                committer.close();
            }
            if (ocr != null) {
                ocr.close();
            }
            if (store != null) {
                store.close();
            }
            originals.close();
            throw e;
        }
    }

    public ChartroomSettings settings() {
        return settings;
    }

    /** The audit trail of this data directory. */
    public AuditLog audit() {
        return audit;
    }

    /**
     * Audits an access made from the command line on this data directory (whoever can run the command can read the
     * files, so the trail records the operating-system user).
     */
    public void auditCommandLine(AuditAction action, String resource, String patientMrn, String documentId,
                                 String detail) {
        audit.append(new AuditEvent(Instant.now(), "cli:" + System.getProperty("user.name", "unknown"), List.of(),
                action, resource, patientMrn, documentId, "", AuditEvent.SUCCESS, "", false, detail));
    }

    public IntakeService intake() {
        return intake;
    }

    /** The document as the store has it, or as intake has it while it is still being processed. */
    public DocumentRecord document(DocumentId id) {
        return pipeline.status(id);
    }

    /** Scanned pages recognised so far while the document is being processed; empty otherwise. */
    public java.util.Optional<Pipeline.PageCount> progress(DocumentId id) {
        return pipeline.progress(id);
    }

    /** Corrections of drafts and their hand-over for signature. */
    public DraftRevisions drafts() {
        return drafts;
    }

    /** The author's signature of a document pending signature. */
    public Signing signing() {
        return signing;
    }

    /** Addenda to signed documents, each signed by its author. */
    public Addenda addenda() {
        return addenda;
    }

    /** Coders' final code sets. */
    public CodeReviews codeReviews() {
        return codeReviews;
    }

    public IntakeRecord intakeRecord(DocumentId id) {
        return originals.find(id).orElseThrow(() -> new NotFoundException("no document with id " + id));
    }

    /** The stored original; the caller closes the stream. */
    public InputStream openOriginal(DocumentId id) {
        intakeRecord(id);
        return originals.openOriginal(id);
    }

    public SearchResult search(SearchQuery query) {
        return store.search(query);
    }

    /** Uploads accepted but not processed yet. */
    public long pending() {
        return queue.pending();
    }

    /**
     * Waits until the queue is empty and the index shows everything processed; false on timeout. Embedded only: with
     * Pulsar the work is in other processes (wait for the documents themselves).
     *
     * @throws IllegalStateException when the stages run through Pulsar
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (!(queue instanceof EmbeddedWorkQueue embedded)) {
            throw new IllegalStateException("the pipeline's stages run in worker processes: wait for the documents");
        }
        if (!embedded.awaitIdle(timeout)) {
            return false;
        }
        store.refresh();
        return true;
    }

    /** Makes everything processed so far searchable and durable. */
    public void flush() {
        store.refresh();
        store.commit();
    }

    public long documentCount() {
        return store.count();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.close();
        ocr.close();
        dictation.ifPresent(DictationExtractor::close);
        committer.close();
        store.close();
        originals.close();
        audit.close();
        LOG.info("data directory closed");
    }
}
