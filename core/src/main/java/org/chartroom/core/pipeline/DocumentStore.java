package org.chartroom.core.pipeline;

import java.util.Optional;
import java.util.function.UnaryOperator;
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

    /**
     * Replaces the record of {@code id} with {@code change} applied to it, atomically: no other update or put of the
     * same id runs between the read and the write, so a check made inside {@code change} (that the version edited is
     * still the latest, that the state allows the change) still holds when the result is written. {@code change} may
     * throw to refuse, or return its argument itself to change nothing; nothing is written then. Like {@link #put},
     * the result is visible to {@link #get} at once and durable after {@link #commit()}.
     *
     * @param change given the current record, returns the new one (same id); runs under a per-document lock, so it
     *               should be quick (do slow work, such as annotating a text, before calling)
     * @return the record written
     * @throws org.chartroom.core.error.NotFoundException when the store has no record of {@code id}
     */
    DocumentRecord update(DocumentId id, UnaryOperator<DocumentRecord> change);

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
