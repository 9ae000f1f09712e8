package org.chartroom.ingest.pipeline;

import org.chartroom.core.pipeline.WorkItem;

/**
 * Where a work queue hands an item it has given up on (every attempt failed): the pipeline that owns the document
 * store marks the document FAILED with the reason, so it does not wait for ever and people see why.
 */
@FunctionalInterface
public interface DeadLetters {
    /**
     * @param attempts how often the item was tried
     * @param cause    what went wrong the last time, free of PHI (exception types and places, see
     *                 {@code FailureSummary})
     * @throws RuntimeException when the failure could not be recorded; the queue tries again later
     */
    void deadLettered(WorkItem item, int attempts, String cause);
}
