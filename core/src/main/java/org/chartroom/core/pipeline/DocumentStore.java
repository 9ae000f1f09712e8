package org.chartroom.core.pipeline;

import java.util.Optional;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.search.SearchQuery;
import org.chartroom.core.search.SearchResult;

/**
 * The document store (the INDEX stage and everything that reads records): one record per document id, searchable.
 *
 * <p>Thread-safe. {@link #put} is an upsert keyed by id, so writing the same record twice leaves one document.
 * A put is visible to {@link #get} at once and to {@link #search} within the store's refresh interval (or after
 * {@link #refresh()}); it is durable after {@link #commit()}. After a crash, puts since the last commit are gone and
 * the pipeline redoes them from the stored originals.
 */
public interface DocumentStore extends AutoCloseable {

    void put(DocumentRecord record);

    Optional<DocumentRecord> get(DocumentId id);

    /** The state of a stored document, cheaper than {@link #get}; empty when the id is not in the store. */
    Optional<DocumentState> state(DocumentId id);

    /**
     * Runs a search. A query the parser cannot read throws
     * {@link org.chartroom.core.error.InvalidInputException} with the parser's message.
     */
    SearchResult search(SearchQuery query);

    /** Makes every put so far visible to search. */
    void refresh();

    /** Makes every put so far durable. */
    void commit();

    /** Number of documents in the store (as of the last refresh). */
    long count();

    @Override
    void close();
}
