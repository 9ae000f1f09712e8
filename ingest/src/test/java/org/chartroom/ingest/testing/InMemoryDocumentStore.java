package org.chartroom.ingest.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.error.NotFoundException;
import org.chartroom.core.pipeline.DocumentStore;
import org.chartroom.core.search.SearchQuery;
import org.chartroom.core.search.SearchResult;

/** A {@link DocumentStore} in a map, counting puts and commits. Search is not needed by ingest's tests. */
public final class InMemoryDocumentStore implements DocumentStore {
    public final Map<DocumentId, DocumentRecord> records = new ConcurrentHashMap<>();
    public final AtomicInteger puts = new AtomicInteger();
    public final AtomicInteger commits = new AtomicInteger();
    private volatile RuntimeException failure;

    /** Makes every later put and commit throw this (null: work again). */
    public void failWith(RuntimeException exception) {
        failure = exception;
    }

    @Override
    public void put(DocumentRecord record) {
        throwIfFailing();
        puts.incrementAndGet();
        records.put(record.id(), record);
    }

    @Override
    public Optional<DocumentRecord> get(DocumentId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public DocumentRecord update(DocumentId id, UnaryOperator<DocumentRecord> change) {
        throwIfFailing();
        DocumentRecord updated = records.computeIfPresent(id, (key, current) -> change.apply(current));
        if (updated == null) {
            throw new NotFoundException("no document with id " + id);
        }
        puts.incrementAndGet();
        return updated;
    }

    @Override
    public Optional<DocumentState> state(DocumentId id) {
        return get(id).map(DocumentRecord::state);
    }

    @Override
    public SearchResult search(SearchQuery query) {
        throw new UnsupportedOperationException("not needed by ingest tests");
    }

    @Override
    public void refresh() {
    }

    @Override
    public void commit() {
        throwIfFailing();
        commits.incrementAndGet();
    }

    @Override
    public long count() {
        return records.size();
    }

    @Override
    public void close() {
    }

    private void throwIfFailing() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }
}
