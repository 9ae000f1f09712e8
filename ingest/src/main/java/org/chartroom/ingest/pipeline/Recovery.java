package org.chartroom.ingest.pipeline;

import java.util.Objects;
import java.util.stream.Stream;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.pipeline.DocumentStore;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.core.pipeline.WorkQueue;
import org.chartroom.ingest.intake.OriginalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the pipeline's pending work at start: every accepted original without a record in the store (never
 * processed, in progress at a crash, or processed but not committed) is queued for extraction again. Redelivering a
 * document that is in fact done is harmless, since the pipeline is idempotent.
 */
public final class Recovery {
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final OriginalStore originals;
    private final DocumentStore store;
    private final WorkQueue queue;

    public Recovery(OriginalStore originals, DocumentStore store, WorkQueue queue) {
        this.originals = Objects.requireNonNull(originals, "originals");
        this.store = Objects.requireNonNull(store, "store");
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /**
     * Queues EXTRACT (version 1) for every accepted document the store does not know.
     *
     * @return how many documents were queued
     */
    public int resubmitUnfinished() {
        int accepted = 0;
        int resubmitted = 0;
        try (Stream<DocumentId> ids = originals.acceptedIds()) {
            for (DocumentId id : (Iterable<DocumentId>) ids::iterator) {
                accepted++;
                if (store.state(id).isEmpty()) {
                    queue.submit(new WorkItem(id, 1, Stage.EXTRACT));
                    resubmitted++;
                }
            }
        }
        log.info("recovery: {} of {} accepted documents had no stored result and were queued again", resubmitted,
                accepted);
        return resubmitted;
    }
}
