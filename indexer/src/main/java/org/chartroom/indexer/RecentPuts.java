package org.chartroom.indexer;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;

/**
 * The records put since the searcher last caught up with them, so that a get sees a put at once although search only
 * sees it after the next refresh.
 *
 * <p>Each entry carries the IndexWriter sequence number of its update. After a refresh that covered every operation
 * up to sequence number {@code g}, entries with a number ≤ {@code g} are in the searcher, so they are ignored and
 * dropped. Ignoring (not only dropping) them is what makes it race-free: a put whose entry lands in the map after the
 * refresh that covered it — or an older put of the same id that lost the race to the map — can never be returned
 * in place of what the searcher has.
 *
 * <p>Thread-safe.
 */
final class RecentPuts {
    private record Entry(DocumentRecord record, long seqNo) {
    }

    private final ConcurrentMap<DocumentId, Entry> entries = new ConcurrentHashMap<>();
    /** Every operation with a sequence number ≤ this is visible in the current searcher. */
    private final AtomicLong searchable = new AtomicLong(-1);

    /** Records a put; {@code seqNo} is what {@code IndexWriter.updateDocument} returned for it. */
    void put(DocumentRecord record, long seqNo) {
        Entry entry = new Entry(record, seqNo);
        // Two puts of one id can reach this line out of order; the later update (higher seqNo) is the one in the index.
        entries.merge(record.id(), entry, (old, mine) -> mine.seqNo() > old.seqNo() ? mine : old);
    }

    /**
     * The record of the latest put of {@code id} when the searcher does not have it yet; empty when the searcher is
     * up to date for that id (or it was never put). Callers must read this before acquiring a searcher.
     */
    Optional<DocumentRecord> get(DocumentId id) {
        Entry entry = entries.get(id);
        if (entry == null || entry.seqNo() <= searchable.get()) {
            return Optional.empty();
        }
        return Optional.of(entry.record());
    }

    /**
     * Called after a refresh has made every operation up to {@code seqNo} searchable (the value must have been read
     * from {@code IndexWriter.getMaxCompletedSequenceNumber()} before that refresh started).
     */
    void searchableUpTo(long seqNo) {
        long now = searchable.accumulateAndGet(seqNo, Math::max);
        // The view's removeIf removes an entry only if it is still the one tested, so a newer put is never lost.
        entries.values().removeIf(entry -> entry.seqNo() <= now);
    }

    int size() {
        return entries.size();
    }
}
