package org.chartroom.ingest.pipeline;

import java.util.Objects;
import java.util.stream.Stream;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.pipeline.DocumentStore;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.core.pipeline.WorkQueue;
import org.chartroom.ingest.intake.OriginalStore;
import org.chartroom.ingest.results.ResultStore;
import org.chartroom.ingest.results.StoredResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the pipeline's pending work at start: every accepted original without a record in the store (never
 * processed, in progress at a crash, or processed but not committed) is queued again, at the stage its furthest
 * stored result calls for (EXTRACT when there is none). Redelivering a document that is in fact done is harmless,
 * since the pipeline is idempotent; with a durable queue (Pulsar) the copies already queued are simply handled twice.
 */
public final class Recovery {
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final OriginalStore originals;
    private final DocumentStore store;
    private final ResultStore results;
    private final WorkQueue queue;

    /** Without a results store: every unfinished document starts again from its original. */
    public Recovery(OriginalStore originals, DocumentStore store, WorkQueue queue) {
        this(originals, store, null, queue);
    }

    public Recovery(OriginalStore originals, DocumentStore store, ResultStore results, WorkQueue queue) {
        this.originals = Objects.requireNonNull(originals, "originals");
        this.store = Objects.requireNonNull(store, "store");
        this.results = results;
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /**
     * Queues version 1 of every accepted document the store does not know, at the stage it had reached, and discards
     * the stage results of documents the store has (left by a crash between the index commit and their removal).
     *
     * @return how many documents were queued
     */
    public int resubmitUnfinished() {
        int accepted = 0;
        int resubmitted = 0;
        int resumed = 0;
        try (Stream<DocumentId> ids = originals.acceptedIds()) {
            for (DocumentId id : (Iterable<DocumentId>) ids::iterator) {
                accepted++;
                if (store.state(id).isEmpty()) {
                    StoredResult.Kind reached = results == null ? StoredResult.Kind.NONE
                            : results.furthestKind(id, 1);
                    queue.submit(new WorkItem(id, 1, reached.next()));
                    resubmitted++;
                    if (reached != StoredResult.Kind.NONE) {
                        resumed++;
                    }
                }
            }
        }
        int pruned = 0;
        if (results != null) {
            for (DocumentId id : results.documents()) {
                if (store.state(id).isPresent()) {
                    results.discard(id, 1);
                    pruned++;
                }
            }
        }
        log.info("recovery: {} of {} accepted documents had no stored result and were queued again ({} resumed after "
                + "the first stage); {} leftover stage results removed", resubmitted, accepted, resumed, pruned);
        return resubmitted;
    }
}
