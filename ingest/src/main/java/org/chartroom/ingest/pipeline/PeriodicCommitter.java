package org.chartroom.ingest.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chartroom.core.pipeline.DocumentStore;
import org.chartroom.ingest.FailureSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the pipeline's results durable in batches: calls {@link DocumentStore#commit()} every {@code interval}, and
 * once more on {@link #close()}.
 *
 * <p>Why batches: a Lucene commit forces files to disk and costs milliseconds, too much per document. Losing the
 * uncommitted results in a crash is acceptable because they are machine output: {@link Recovery} redoes them from the
 * stored originals at the next start. People's edits and signatures cannot be redone, so whoever stores those commits
 * before acknowledging them.
 *
 * <p>Commits unconditionally rather than being told about puts, so it cannot be mis-wired into never committing; this
 * relies on a commit with nothing new being cheap, which it is for Lucene (the index writer skips it).
 *
 * <p>{@link #nextCommit()} tells when what was stored so far is durable (a broker is told a work item is done only
 * then).
 *
 * <p>Thread-safe. Starts its daemon thread ({@code chartroom-commit}) in the constructor. A failed commit is logged
 * once (and its recovery noted) and tried again at the next tick.
 */
public final class PeriodicCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeriodicCommitter.class);

    private final DocumentStore store;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    /** Waiting for the next commit to start and succeed; guarded by itself. */
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

    public PeriodicCommitter(DocumentStore store, Duration interval) {
        this.store = Objects.requireNonNull(store, "store");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the commit interval must be positive");
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chartroom-commit");
            thread.setDaemon(true);
            return thread;
        });
        long nanos = interval.toNanos();
        timer.scheduleWithFixedDelay(this::commit, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Commits now. Never throws (a scheduled task that throws is never run again): a failure is logged.
     *
     * @return true when the commit succeeded
     */
    public boolean commit() {
        List<CompletableFuture<Void>> batch;
        synchronized (waiting) {
            batch = List.copyOf(waiting);
            waiting.clear();
        }
        try {
            store.commit();
        } catch (RuntimeException e) {
            synchronized (waiting) {
                waiting.addAll(batch);
            }
            if (!failing.getAndSet(true)) {
                log.error("committing the document store failed; trying again every interval: {}",
                        FailureSummary.of(e));
            }
            return false;
        }
        if (failing.getAndSet(false)) {
            log.info("committing the document store works again");
        }
        batch.forEach(f -> f.complete(null));
        return true;
    }

    /**
     * Completes after the next commit that starts after this call has succeeded, so everything put into the store
     * before the call is durable then. Callbacks run on the commit thread: keep them short. After {@link #close()}
     * the future fails.
     */
    public CompletableFuture<Void> nextCommit() {
        CompletableFuture<Void> next = new CompletableFuture<>();
        synchronized (waiting) {
            if (closed.get()) {
                next.completeExceptionally(new IllegalStateException("the document store committer is closed"));
            } else {
                waiting.add(next);
            }
        }
        return next;
    }

    /**
     * Stops the timer and commits what is left. Close the work queue first (so no more results arrive) and the store
     * after. Idempotent.
     */
    @Override
    public void close() {
        synchronized (waiting) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
        }
        timer.shutdown();
        try {
            if (!timer.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("a document store commit is still running after one minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!commit()) {
            List<CompletableFuture<Void>> left;
            synchronized (waiting) {
                left = List.copyOf(waiting);
                waiting.clear();
            }
            left.forEach(f -> f.completeExceptionally(new IllegalStateException("the last commit failed")));
        }
    }
}
