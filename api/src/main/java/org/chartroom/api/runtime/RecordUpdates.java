package org.chartroom.api.runtime;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.NotFoundException;
import org.chartroom.core.pipeline.DocumentStore;

/**
 * How people's changes reach the store (corrections, signatures, addenda, code reviews): the check and the write in
 * one {@link DocumentStore#update} (atomic per document), then committed and refreshed, so that a change is durable
 * and searchable before it is acknowledged. One Lucene commit per change: fine at the speed people work. Thread-safe.
 */
final class RecordUpdates {
    private final DocumentStore store;

    RecordUpdates(DocumentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The record as stored now, to prepare a change outside the document's lock (e.g. annotate a text).
     *
     * @throws ConflictException when the pipeline has not stored the document yet
     */
    DocumentRecord current(DocumentId id) {
        return store.get(id).orElseThrow(() -> stillProcessing(id));
    }

    /**
     * Applies {@code change} atomically. {@code change} returns its argument itself to change nothing (no write, no
     * commit), or throws to refuse.
     *
     * @throws ConflictException when the pipeline has not stored the document yet
     */
    Change apply(DocumentId id, UnaryOperator<DocumentRecord> change) {
        AtomicBoolean changed = new AtomicBoolean();
        DocumentRecord saved;
        try {
            saved = store.update(id, current -> {
                DocumentRecord next = change.apply(current);
                changed.set(next != current);
                return next;
            });
        } catch (NotFoundException e) {
            // Accepted (the caller found it) but not in the store yet: the pipeline is still working on it.
            throw stillProcessing(id);
        }
        if (changed.get()) {
            store.commit();
            store.refresh();
        }
        return new Change(saved, changed.get());
    }

    private static ConflictException stillProcessing(DocumentId id) {
        return new ConflictException("document " + id + " is still being processed; wait until its state is draft");
    }
}
