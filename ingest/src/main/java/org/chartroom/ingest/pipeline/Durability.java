package org.chartroom.ingest.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * When what a stage stored is durable. The results store forces every save to disk before it returns
 * ({@link #IMMEDIATE}); the document store makes puts durable in batches, so the index stage's work is durable only
 * after the next {@link PeriodicCommitter#nextCommit() commit}. A queue that acknowledges work to a broker waits for
 * this first, so a crash never loses acknowledged work.
 */
@FunctionalInterface
public interface Durability {
    Durability IMMEDIATE = () -> CompletableFuture.completedFuture(null);

    /** Completes once everything stored before the call is durable; fails when that can no longer happen. */
    CompletionStage<Void> afterStored();
}
