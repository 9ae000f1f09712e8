package org.chartroom.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;
import org.apache.lucene.util.IOUtils;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.NotFoundException;
import org.chartroom.core.pipeline.DocumentStore;
import org.chartroom.core.search.FacetCount;
import org.chartroom.core.search.SearchHit;
import org.chartroom.core.search.SearchQuery;
import org.chartroom.core.search.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DocumentStore} on a Lucene index in one directory: one Lucene document per document id (see
 * {@link IndexSchema}), near-real-time search through a {@link SearcherManager} refreshed by a background daemon
 * thread every {@link StoreSettings#refreshInterval()}.
 *
 * <p>Thread-safe: puts, gets and searches may run concurrently from any number of threads. A put is visible to
 * {@link #get} and {@link #state} as soon as it returns, to {@link #search} and {@link #count} after the next refresh,
 * and durable after {@link #commit}.
 *
 * <p>The store owns the directory, its write lock, the index writer and the refresh thread: only one store (in any
 * process) can have a directory open. {@link #close()} commits and releases all of it; it is idempotent, and any
 * other call after it throws {@link AlreadyClosedException}.
 */
public final class LuceneDocumentStore implements DocumentStore {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneDocumentStore.class);

    /**
     * Relevance first; among equal scores (always the case for a blank query) the newest service date, then the id,
     * so that pages are stable between requests.
     */
    private static final Sort ORDER = new Sort(
            SortField.FIELD_SCORE,
            new SortField(IndexSchema.SERVICE_DATE, SortField.Type.LONG, true),
            new SortField(IndexSchema.ID, SortField.Type.STRING));
    private static final Set<String> RECORD_FIELD = Set.of(IndexSchema.RECORD);
    private static final Set<String> STATUS_FIELD = Set.of(IndexSchema.STATUS);
    private static final long CLOSE_TIMEOUT_SECONDS = 30;
    private static final int LOCK_STRIPES = 64;

    private final Path indexDir;
    private final Directory directory;
    private final ClinicalAnalyzer textAnalyzer;
    private final KeywordAnalyzer keywordAnalyzer;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final RecordCodec codec;
    private final RecordDocumentBuilder documents;
    private final SearchQueryTranslator translator;
    private final RecentPuts recentPuts = new RecentPuts();
    private final ScheduledExecutorService refresher;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object[] writeLocks = new Object[LOCK_STRIPES];

    private LuceneDocumentStore(Path indexDir, Directory directory, ClinicalAnalyzer textAnalyzer,
                                KeywordAnalyzer keywordAnalyzer, Analyzer analyzer, IndexWriter writer,
                                FacetsConfig facetsConfig, StoreSettings settings) throws IOException {
        this.indexDir = indexDir;
        this.directory = directory;
        this.textAnalyzer = textAnalyzer;
        this.keywordAnalyzer = keywordAnalyzer;
        this.analyzer = analyzer;
        this.writer = writer;
        for (int i = 0; i < writeLocks.length; i++) {
            writeLocks[i] = new Object();
        }
        this.codec = new RecordCodec();
        this.documents = new RecordDocumentBuilder(codec, facetsConfig);
        this.translator = new SearchQueryTranslator(analyzer);
        this.searchers = new SearcherManager(writer, true, false, StoreSearcher.factory(facetsConfig));
        this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chartroom-index-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.refreshInterval().toNanos();
        refresher.scheduleWithFixedDelay(this::refreshInBackground, interval, interval, TimeUnit.NANOSECONDS);
    }

    /**
     * Opens (creating if needed) the index in {@code indexDir} and takes its write lock.
     *
     * @throws ConfigurationException when another store or process holds the directory, or the index was written
     *                                with another schema version
     * @throws UncheckedIOException   when the directory cannot be created or read
     */
    public static LuceneDocumentStore open(Path indexDir, StoreSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Path dir = Objects.requireNonNull(indexDir, "indexDir").toAbsolutePath().normalize();
        Directory directory = null;
        IndexWriter writer = null;
        ClinicalAnalyzer textAnalyzer = new ClinicalAnalyzer();
        KeywordAnalyzer keywordAnalyzer = new KeywordAnalyzer();
        Analyzer analyzer = ClinicalAnalyzer.perField(textAnalyzer, keywordAnalyzer);
        boolean opened = false;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir, NativeFSLockFactory.INSTANCE);
            if (settings.encryption().keys().isPresent()) {
                directory = new EncryptedDirectory(directory, settings.encryption().keys().get());
            }
            boolean existed = DirectoryReader.indexExists(directory);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(settings.ramBufferMb())
                    .setCommitOnClose(true);
            writer = new IndexWriter(directory, config);
            if (existed) {
                checkSchemaVersion(writer, dir);
            } else {
                // An empty first commit: the index exists on disk from now on and carries its schema version.
                writer.setLiveCommitData(Map.of(IndexSchema.SCHEMA_VERSION_KEY, IndexSchema.SCHEMA_VERSION).entrySet());
                writer.commit();
            }
            int documents = writer.getDocStats().numDocs;
            LuceneDocumentStore store = new LuceneDocumentStore(dir, directory, textAnalyzer, keywordAnalyzer,
                    analyzer, writer, IndexSchema.facetsConfig(), settings);
            opened = true;
            LOG.info("opened the document index at {} ({} documents)", dir, documents);
            return store;
        } catch (LockObtainFailedException e) {
            throw new ConfigurationException("the data directory " + dir + " is in use by another Chartroom process "
                    + "(a running server?); stop it or pass a different --data", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the document index at " + dir + ": " + e.getMessage(), e);
        } finally {
            if (!opened) {
                // Rollback, not close: a store that failed to open must not commit anything.
                if (writer != null) {
                    IOUtils.closeWhileHandlingException(writer::rollback);
                }
                IOUtils.closeWhileHandlingException(directory, analyzer, textAnalyzer, keywordAnalyzer);
            }
        }
    }

    private static void checkSchemaVersion(IndexWriter writer, Path dir) {
        String found = null;
        Iterable<Map.Entry<String, String>> userData = writer.getLiveCommitData();
        if (userData != null) {
            for (Map.Entry<String, String> entry : userData) {
                if (IndexSchema.SCHEMA_VERSION_KEY.equals(entry.getKey())) {
                    found = entry.getValue();
                }
            }
        }
        if (!IndexSchema.SCHEMA_VERSION.equals(found)) {
            throw new ConfigurationException("the document index at " + dir + " was written with index schema "
                    + (found == null ? "(unknown)" : found) + " but this Chartroom uses schema "
                    + IndexSchema.SCHEMA_VERSION + "; move the index directory aside and reprocess the documents");
        }
    }

    @Override
    public void put(DocumentRecord record) {
        Objects.requireNonNull(record, "record");
        ensureOpen();
        Document doc = documents.build(record);
        synchronized (lockOf(record.id())) {
            write(record, doc);
        }
        LOG.debug("indexed document {}", record.id());
    }

    /**
     * Read, change and write under the document's lock, which {@link #put} takes too: of two concurrent changes
     * based on the same version, the second sees the first's result (and can refuse), so no change is lost.
     */
    @Override
    public DocumentRecord update(DocumentId id, UnaryOperator<DocumentRecord> change) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(change, "change");
        ensureOpen();
        synchronized (lockOf(id)) {
            DocumentRecord current = get(id).orElseThrow(() -> new NotFoundException("no document with id " + id));
            DocumentRecord updated = Objects.requireNonNull(change.apply(current), "the changed record");
            if (updated == current) {
                return current;
            }
            if (!updated.id().equals(id)) {
                throw new IllegalArgumentException("an update cannot change the document id");
            }
            write(updated, documents.build(updated));
            LOG.debug("updated document {}", id);
            return updated;
        }
    }

    private void write(DocumentRecord record, Document doc) {
        try {
            long seqNo = writer.updateDocument(new Term(IndexSchema.ID, record.id().value()), doc);
            recentPuts.put(record, seqNo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index document " + record.id() + ": " + e.getMessage(), e);
        }
    }

    /** One of a fixed set of locks, chosen by the id: writes of one document are serialised, others run freely. */
    private Object lockOf(DocumentId id) {
        return writeLocks[Math.floorMod(id.hashCode(), writeLocks.length)];
    }

    @Override
    public Optional<DocumentRecord> get(DocumentId id) {
        Objects.requireNonNull(id, "id");
        ensureOpen();
        // The recent puts must be consulted before a searcher is acquired; see RecentPuts.
        Optional<DocumentRecord> recent = recentPuts.get(id);
        if (recent.isPresent()) {
            return recent;
        }
        StoreSearcher searcher = acquire();
        try {
            int doc = searcher.docIdOf(id);
            if (doc < 0) {
                return Optional.empty();
            }
            Document stored = searcher.storedFields().document(doc, RECORD_FIELD);
            return Optional.of(codec.decode(stored.getBinaryValue(IndexSchema.RECORD), id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + id + " from the index: " + e.getMessage(), e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public Optional<DocumentState> state(DocumentId id) {
        Objects.requireNonNull(id, "id");
        ensureOpen();
        Optional<DocumentRecord> recent = recentPuts.get(id);
        if (recent.isPresent()) {
            return Optional.of(recent.get().state());
        }
        StoreSearcher searcher = acquire();
        try {
            int doc = searcher.docIdOf(id);
            if (doc < 0) {
                return Optional.empty();
            }
            String code = searcher.storedFields().document(doc, STATUS_FIELD).get(IndexSchema.STATUS);
            return Optional.of(DocumentState.parse(code));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + id + " from the index: " + e.getMessage(), e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public SearchResult search(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        ensureOpen();
        Query userQuery = translator.parse(query.query());
        Query luceneQuery = translator.withFilters(userQuery, query);
        int window = query.offset() + query.limit();
        StoreSearcher searcher = acquire();
        try {
            // totalHitsThreshold = MAX_VALUE: the total must be exact, not a lower bound.
            TopFieldCollectorManager topDocs = new TopFieldCollectorManager(ORDER, window, null, Integer.MAX_VALUE,
                    false);
            TopFieldDocs top;
            Map<String, List<FacetCount>> facets = Map.of();
            if (query.facets()) {
                Object[] results = searcher.search(luceneQuery,
                        new MultiCollectorManager(topDocs, new FacetsCollectorManager()));
                top = (TopFieldDocs) results[0];
                facets = searcher.facets().count((FacetsCollector) results[1]);
            } else {
                top = searcher.search(luceneQuery, topDocs);
            }
            List<SearchHit> hits = toHits(searcher, top.scoreDocs, query, userQuery);
            return new SearchResult(top.totalHits.value, query.offset(), hits, facets);
        } catch (IndexSearcher.TooManyClauses e) {
            // Raised while rewriting, e.g. a fuzzy or wildcard query expanding past the clause limit.
            throw new InvalidInputException("query syntax error: the query expands to too many clauses (at most "
                    + IndexSearcher.getMaxClauseCount() + "); make wildcards more specific", e);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed: " + e.getMessage(), e);
        } finally {
            release(searcher);
        }
    }

    /** The hits of the requested page, from the stored records of the same searcher the search ran on. */
    private List<SearchHit> toHits(StoreSearcher searcher, ScoreDoc[] window, SearchQuery query, Query userQuery)
            throws IOException {
        int from = Math.min(query.offset(), window.length);
        int size = window.length - from;
        if (size == 0) {
            return List.of();
        }
        StoredFields storedFields = searcher.storedFields();
        DocumentRecord[] records = new DocumentRecord[size];
        int[] docIds = new int[size];
        Map<Integer, String> texts = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            int doc = window[from + i].doc;
            Document stored = storedFields.document(doc, RECORD_FIELD);
            DocumentRecord record = codec.decode(stored.getBinaryValue(IndexSchema.RECORD), "at index doc " + doc);
            docIds[i] = doc;
            records[i] = record;
            record.latest().map(DocumentVersion::text).ifPresent(text -> texts.put(doc, text));
        }
        List<List<String>> snippets = query.highlight() && !(userQuery instanceof MatchAllDocsQuery)
                ? new SnippetHighlighter(searcher, analyzer, texts).highlight(userQuery, docIds)
                : null;

        List<SearchHit> hits = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            DocumentRecord record = records[i];
            Optional<DocumentVersion> latest = record.latest();
            float score = (Float) ((FieldDoc) window[from + i]).fields[0];
            hits.add(new SearchHit(record.id(), score, record.metadata(), record.state(),
                    latest.map(DocumentVersion::number).orElse(0),
                    latest.map(RecordDocumentBuilder::sectionTypes).orElse(List.of()),
                    snippets == null ? List.of() : snippets.get(i)));
        }
        return hits;
    }

    @Override
    public void refresh() {
        ensureOpen();
        try {
            refreshNow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the document index: " + e.getMessage(), e);
        }
    }

    /**
     * Every refresh goes through here so that the recent puts learn what the searcher now covers: the sequence
     * number is read first, so whatever completed before it is in the searcher once the blocking refresh returns.
     */
    private void refreshNow() throws IOException {
        long covered = writer.getMaxCompletedSequenceNumber();
        searchers.maybeRefreshBlocking();
        recentPuts.searchableUpTo(covered);
    }

    private void refreshInBackground() {
        try {
            refreshNow();
        } catch (AlreadyClosedException e) {
            // Closing, or the writer hit a fatal error; puts will report the latter.
            LOG.debug("index refresh skipped: the index is closed");
        } catch (IOException | RuntimeException e) {
            // Must not throw: an exception would cancel every later run of this task.
            LOG.warn("background refresh of the document index at {} failed; retrying at the next interval",
                    indexDir, e);
        }
    }

    @Override
    public void commit() {
        ensureOpen();
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the document index at " + indexDir + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public long count() {
        ensureOpen();
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    /** Commits, then stops the refresh thread and closes the searchers, the writer (releasing the lock) and the directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // shutdown, not shutdownNow: interrupting a thread inside Lucene I/O can close the index files under it.
        refresher.shutdown();
        try {
            if (!refresher.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("the index refresh thread did not stop within {} s", CLOSE_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            IOUtils.close(searchers, this::commitIfOpen, writer, analyzer, textAnalyzer, keywordAnalyzer, directory);
            LOG.info("closed the document index at {}", indexDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the document index at " + indexDir + ": "
                    + e.getMessage(), e);
        }
    }

    private void commitIfOpen() throws IOException {
        if (writer.isOpen()) {
            writer.commit();
        }
    }

    private StoreSearcher acquire() {
        try {
            return (StoreSearcher) searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a searcher on the document index: " + e.getMessage(), e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release a searcher of the document index: " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new AlreadyClosedException("the document store at " + indexDir + " is closed");
        }
    }

    /** Puts not yet covered by a refresh (for tests and metrics). */
    int pendingVisibility() {
        return recentPuts.size();
    }
}
