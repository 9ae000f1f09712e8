package org.chartroom.indexer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.search.SearchQuery;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Assertion;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.core.text.Concept;
import org.chartroom.core.text.DocumentClassification;
import org.chartroom.core.text.Page;
import org.chartroom.core.text.SpokenWord;
import org.chartroom.core.text.Transcription;
import org.chartroom.core.text.TextSpan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage behaviour of the store: round trips, upserts, visibility, durability, locking, concurrency. */
class LuceneDocumentStoreTest {
    /** No background refresh during a test unless it asks for one: visibility is then deterministic. */
    static final StoreSettings MANUAL_REFRESH = StoreSettings.defaults().withRefreshInterval(Duration.ofHours(1));

    @TempDir
    Path dir;

    private final List<LuceneDocumentStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(LuceneDocumentStore::close);
    }

    private LuceneDocumentStore open(StoreSettings settings) {
        LuceneDocumentStore store = LuceneDocumentStore.open(dir, settings);
        opened.add(store);
        return store;
    }

    /** A record with every part filled: two versions, pages with OCR, an annotation with all its lists. */
    static DocumentRecord fullRecord() {
        String v1 = "CHIEF COMPLAINT: chest pain.\nMEDICATIONS: aspirin 81 mg.";
        String v2 = "CHIEF COMPLAINT: chest pain, no fever.\nMEDICATIONS: aspirin 81 mg, atorvastatin.";
        Annotation annotation = new Annotation(
                List.of(new TextSpan(0, 38), new TextSpan(39, v2.length())),
                Notes.sections(v2),
                List.of(new Concept("chest pain", 17, 27, "problem", Assertion.AFFIRMED),
                        new Concept("fever", 32, 37, "problem", new Assertion(true, false, false, false, false))),
                List.of(new CodeSuggestion("R07.9", "Chest pain, unspecified", 0.92,
                        List.of(new TextSpan(17, 27)))),
                new DocumentClassification("history_and_physical", 0.81, "Cardiovascular / Pulmonary", 0.64));
        DocumentVersion first = new DocumentVersion(1, Notes.T0, "pipeline", "ocr", v1,
                List.of(new Page(1, "CHIEF COMPLAINT: chest pain.", true, 0.87),
                        new Page(2, "MEDICATIONS: aspirin 81 mg.", true, 0.91)),
                Annotation.EMPTY, new Transcription("pocketsphinx", "chief complaint colon chest pain",
                        List.of(new SpokenWord("chief", 0.1, 0.4, 0.93, false),
                                new SpokenWord("complaint", 0.4, 0.9, 0.42, true)), 12.5));
        DocumentVersion second = new DocumentVersion(2, Notes.T0.plusSeconds(3600), "u-42", "edit", v2,
                List.of(new Page(1, v2, false, null)), annotation);
        return new DocumentRecord(Notes.id(7), Notes.metadata("MRN-7.a_b", "Erin Example",
                DocumentType.HISTORY_AND_PHYSICAL, "dr.who", LocalDate.of(2024, 2, 29)), Notes.original(),
                DocumentState.AMENDED, "", List.of(first, second), Notes.T0.plusSeconds(7200));
    }

    static DocumentRecord simple(int n, String text) {
        return Notes.note(n, "MRN" + n, "Pat Example", DocumentType.PROGRESS_NOTE, "dr.test",
                LocalDate.of(2024, 5, 1), DocumentState.DRAFT, text);
    }

    static long hits(LuceneDocumentStore store, String query) {
        return store.search(new SearchQuery(query, null, null, null, null, null, null, null, 0, 10, false, false))
                .total();
    }

    @Test
    void fullRecordRoundTripsThroughTheIndex() {
        LuceneDocumentStore store = open(MANUAL_REFRESH);
        DocumentRecord record = fullRecord();
        store.put(record);
        store.refresh();
        assertEquals(0, store.pendingVisibility(), "after a refresh, get reads the index, not the recent puts");
        DocumentRecord read = store.get(record.id()).orElseThrow();
        assertNotSame(record, read);
        assertEquals(record, read);
        assertEquals(Optional.of(DocumentState.AMENDED), store.state(record.id()));
    }

    @Test
    void aRecordStoredBeforeVersionsHadTranscriptionsStillReads() {
        String json = new String(new RecordCodec().encode(simple(3, "NOTE: old")), java.nio.charset.StandardCharsets.UTF_8)
                .replace(",\"transcription\":null", "");
        assertTrue(!json.contains("transcription"), json);
        DocumentRecord read = new RecordCodec().decode(new org.apache.lucene.util.BytesRef(json), "old");
        assertEquals(simple(3, "NOTE: old"), read);
        assertEquals(null, read.latest().orElseThrow().transcription());
    }

    @Test
    void concurrentUpdatesBasedOnTheSameVersionNeverLoseOne() throws Exception {
        LuceneDocumentStore store = open(MANUAL_REFRESH);
        DocumentRecord record = simple(5, "NOTE: v1");
        store.put(record);
        int threads = 8;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        try {
            for (int round = 0; round < rounds; round++) {
                int base = store.get(record.id()).orElseThrow().latest().orElseThrow().number();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> all = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    all.add(pool.submit(() -> {
                        go.await();
                        try {
                            store.update(record.id(), current -> {
                                int latest = current.latest().orElseThrow().number();
                                if (latest != base) {
                                    throw new org.chartroom.core.error.PreconditionFailedException("stale");
                                }
                                List<DocumentVersion> versions = new ArrayList<>(current.versions());
                                versions.add(Notes.version(latest + 1, "NOTE: v" + (latest + 1)));
                                return new DocumentRecord(current.id(), current.metadata(), current.original(),
                                        current.state(), "", versions, current.updatedAt());
                            });
                        } catch (org.chartroom.core.error.PreconditionFailedException e) {
                            refused.incrementAndGet();
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : all) {
                    f.get(30, TimeUnit.SECONDS);
                }
                if (round % 5 == 0) {
                    store.refresh();  // half the rounds read the searcher, half the recent puts
                }
            }
        } finally {
            pool.shutdownNow();
        }
        DocumentRecord last = store.get(record.id()).orElseThrow();
        assertEquals(1 + rounds, last.versions().size(), "exactly one update per round succeeds");
        assertEquals(rounds * (threads - 1), refused.get());
        for (int i = 0; i < last.versions().size(); i++) {
            assertEquals(i + 1, last.versions().get(i).number());
        }
        store.refresh();
        assertEquals(1, hits(store, "v" + (1 + rounds)));
        assertEquals(0, hits(store, "v1"), "the index follows the latest version");
    }

    @Test
    void updatingAnUnknownDocumentIsNotFound() {
        LuceneDocumentStore store = open(MANUAL_REFRESH);
        assertThrows(org.chartroom.core.error.NotFoundException.class,
                () -> store.update(Notes.id(404), current -> current));
    }

    @Test
    void anUpdateThatReturnsTheRecordItWasGivenWritesNothing() {
        LuceneDocumentStore store = open(MANUAL_REFRESH);
        DocumentRecord record = simple(9, "PLAN: rest.");
        store.put(record);
        store.refresh();
        DocumentRecord same = store.update(record.id(), current -> current);
        assertEquals(record, same);
        assertEquals(0, store.pendingVisibility(), "no write: nothing waits for a refresh");
    }

    @Test
    void theSuggestedSpecialtyFillsInWhereTheUploaderGaveNone() {
        LuceneDocumentStore store = open(MANUAL_REFRESH);
        DocumentRecord given = fullRecord();
        DocumentMetadata m = given.metadata();
        DocumentRecord silent = new DocumentRecord(Notes.id(8), new DocumentMetadata(m.patientMrn(), m.patientName(),
                m.encounterId(), m.type(), m.author(), m.serviceDate(), ""), given.original(), given.state(), "",
                given.versions(), given.updatedAt());
        store.put(given);
        store.put(silent);
        store.refresh();
        assertEquals(1, hits(store, "specialty:\"Cardiovascular / Pulmonary\""), "only where the uploader gave none");
        assertEquals(1, hits(store, "specialty:\"internal medicine\""), "the uploader's own specialty stays");
    }

    @Test
    void searchSeesOnlyTheLatestVersion() {
        LuceneDocumentStore store = open(MANUAL_REFRESH);
        store.put(fullRecord());
        store.refresh();
        assertEquals(1, hits(store, "atorvastatin"));
        assertEquals(1, hits(store, "\"no fever\""));
        assertEquals(1, hits(store, "section_medications:atorvastatin"));
        assertEquals(0, hits(store, "section_chief_complaint:atorvastatin"));
    }

    @Test
    void putTwiceKeepsOneDocumentAndTheLatestWins() {
        LuceneDocumentStore store = open(MANUAL_REFRESH);
        DocumentRecord first = simple(1, "NOTE: alpha");
        DocumentRecord second = new DocumentRecord(first.id(), first.metadata(), first.original(),
                DocumentState.SIGNED, "", List.of(Notes.version(1, "NOTE: alpha"), Notes.version(2, "NOTE: beta")),
                Notes.T0.plusSeconds(60));
        store.put(first);
        store.put(second);
        assertEquals(second, store.get(first.id()).orElseThrow(), "before refresh");
        store.refresh();
        assertEquals(1, store.count());
        assertEquals(second, store.get(first.id()).orElseThrow(), "after refresh");
        assertEquals(0, hits(store, "alpha"));
        assertEquals(1, hits(store, "beta"));
        assertEquals(1, hits(store, "status:signed"));
        assertEquals(0, hits(store, "status:draft"));
    }

    @Test
    void getSeesAPutBeforeAnyRefresh() {
        LuceneDocumentStore store = open(MANUAL_REFRESH);
        DocumentRecord record = simple(3, "NOTE: gamma");
        store.put(record);
        assertEquals(0, store.count(), "search has not been refreshed yet");
        assertEquals(0, hits(store, "gamma"));
        assertEquals(Optional.of(record), store.get(record.id()));
        assertEquals(Optional.of(DocumentState.DRAFT), store.state(record.id()));
        store.refresh();
        assertEquals(1, store.count());
        assertEquals(1, hits(store, "gamma"));
    }

    @Test
    void unknownIdsAreEmpty() {
        LuceneDocumentStore store = open(MANUAL_REFRESH);
        store.put(simple(1, "NOTE: delta"));
        store.refresh();
        assertEquals(Optional.empty(), store.get(Notes.id(99)));
        assertEquals(Optional.empty(), store.state(Notes.id(99)));
    }

    @Test
    void backgroundRefreshMakesPutsSearchable() throws InterruptedException {
        LuceneDocumentStore store = open(StoreSettings.defaults().withRefreshInterval(Duration.ofMillis(20)));
        store.put(simple(1, "NOTE: epsilon"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.count() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, store.count());
        assertEquals(1, hits(store, "epsilon"));
        while (store.pendingVisibility() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, store.pendingVisibility(), "refreshes drop the puts they cover");
    }

    @Test
    void committedPutsSurviveReopening() {
        DocumentRecord record = fullRecord();
        try (LuceneDocumentStore store = LuceneDocumentStore.open(dir, MANUAL_REFRESH)) {
            store.put(record);
            store.commit();
        }
        try (LuceneDocumentStore reopened = LuceneDocumentStore.open(dir, MANUAL_REFRESH)) {
            assertEquals(1, reopened.count());
            assertEquals(Optional.of(record), reopened.get(record.id()));
            assertEquals(1, hits(reopened, "atorvastatin"));
            reopened.put(simple(2, "NOTE: second"));
        }
        // A reopened store's commits keep the schema version, so the index opens a third time.
        try (LuceneDocumentStore third = LuceneDocumentStore.open(dir, MANUAL_REFRESH)) {
            assertEquals(2, third.count());
        }
    }

    @Test
    void closeCommits() {
        DocumentRecord record = simple(4, "NOTE: zeta");
        try (LuceneDocumentStore store = LuceneDocumentStore.open(dir, MANUAL_REFRESH)) {
            store.put(record);
        }
        try (LuceneDocumentStore reopened = LuceneDocumentStore.open(dir, MANUAL_REFRESH)) {
            assertEquals(Optional.of(record), reopened.get(record.id()));
        }
    }

    @Test
    void putsAreNotInTheLastCommitUntilCommitted() throws Exception {
        LuceneDocumentStore store = open(MANUAL_REFRESH);
        DocumentRecord record = simple(5, "NOTE: eta");
        store.put(record);
        store.refresh();
        // What a crash would leave: the last commit, read by a reader that knows nothing of the live writer.
        assertEquals(0, docsInLastCommit(record.id()));
        store.commit();
        assertEquals(1, docsInLastCommit(record.id()));
    }

    private long docsInLastCommit(DocumentId id) throws Exception {
        try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(IndexSchema.ID, id.value())));
        }
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsAConfigurationError() {
        LuceneDocumentStore first = open(MANUAL_REFRESH);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> LuceneDocumentStore.open(dir, MANUAL_REFRESH));
        assertTrue(e.getMessage().contains("--data"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toAbsolutePath().normalize().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("in use by another Chartroom process"), e.getMessage());
        // The failed open must not have disturbed the first store, and closing releases the lock.
        first.put(simple(1, "NOTE: theta"));
        first.close();
        try (LuceneDocumentStore second = LuceneDocumentStore.open(dir, MANUAL_REFRESH)) {
            assertEquals(1, second.count());
        }
    }

    @Test
    void anIndexWithAnotherSchemaVersionIsAConfigurationError() throws Exception {
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            writer.setLiveCommitData(Map.of(IndexSchema.SCHEMA_VERSION_KEY, "0").entrySet());
            writer.commit();
        }
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> LuceneDocumentStore.open(dir, MANUAL_REFRESH));
        assertTrue(e.getMessage().contains("schema 0"), e.getMessage());
        // The refused open released the lock.
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            assertEquals(0, writer.getDocStats().numDocs);
        }
    }

    @Test
    void closeIsIdempotentAndLaterCallsFail() {
        LuceneDocumentStore store = LuceneDocumentStore.open(dir, MANUAL_REFRESH);
        store.close();
        assertDoesNotThrow(store::close);
        assertThrows(IllegalStateException.class, () -> store.put(simple(1, "NOTE: iota")));
        assertThrows(IllegalStateException.class, () -> store.get(Notes.id(1)));
        assertThrows(IllegalStateException.class, store::count);
    }

    @Test
    void openCreatesMissingDirectories() {
        Path nested = dir.resolve("a/b/index");
        try (LuceneDocumentStore store = LuceneDocumentStore.open(nested, MANUAL_REFRESH)) {
            assertEquals(0, store.count());
        }
    }

    @Test
    void concurrentPutsAndSearches() throws Exception {
        LuceneDocumentStore store = open(StoreSettings.defaults().withRefreshInterval(Duration.ofMillis(25)));
        int writers = 4;
        int perWriter = 500;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int base = w * perWriter;
                puts.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        DocumentRecord record = simple(base + i + 1, "NOTE: routine visit number " + (base + i));
                        store.put(record);
                        // Read-your-write from the writing thread, whatever the refresh thread is doing.
                        if (store.get(record.id()).isEmpty()) {
                            throw new AssertionError("put not visible to get: " + record.id());
                        }
                    }
                    return null;
                }));
            }
            List<Future<Long>> searches = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                searches.add(pool.submit(() -> {
                    start.await();
                    long last = 0;
                    long runs = 0;
                    while (writing.get()) {
                        long total = store.search(SearchQuery.of("routine")).total();
                        if (total < last) {
                            throw new AssertionError("search went back in time: " + total + " < " + last);
                        }
                        last = total;
                        runs++;
                    }
                    return runs;
                }));
            }
            start.countDown();
            for (Future<?> put : puts) {
                put.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<Long> search : searches) {
                assertTrue(search.get(1, TimeUnit.MINUTES) > 0);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        store.refresh();
        assertEquals(writers * perWriter, store.count());
        assertEquals(writers * perWriter, hits(store, "routine"));
        assertEquals(0, store.pendingVisibility());
    }
}
