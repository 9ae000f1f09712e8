package org.chartroom.ingest.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.chartroom.core.pipeline.WorkHandler;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.core.pipeline.WorkQueue;
import org.chartroom.ingest.FailureSummary;
import org.chartroom.ingest.pipeline.DeadLetters;
import org.chartroom.ingest.pipeline.PipelineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process work queue: items are handled first in, first out by a fixed set of daemon worker threads
 * ({@code chartroom-work-1}, …).
 *
 * <p><b>Failures.</b> When the handler throws (anything, including errors), the item is tried again after
 * {@code retryBackoff}, then twice that, and so on, up to {@code maxAttempts} attempts in all; then it is logged (by
 * document id) and handed to the {@link DeadLetters} (the pipeline marks the document FAILED with the cause). A handler
 * failure never ends a worker thread. Handlers record content problems as FAILED documents themselves, so what reaches
 * the retry policy is transient trouble (storage, a bug).
 *
 * <p><b>Not durable.</b> Nothing is kept on disk. Items queued at {@link #close()} or at a crash are not lost: they
 * belong to documents the store has no result for, which recovery at the next start queues again.
 *
 * <p>Thread-safe. {@link #submit} never blocks (the queue is unbounded; items are small and carry no PHI).
 */
public final class EmbeddedWorkQueue implements WorkQueue {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedWorkQueue.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** Tells a worker to stop; never handed to the handler. */
    private static final Delivery STOP = new Delivery(null, 0);

    private final PipelineSettings settings;
    private final DeadLetters deadLetters;
    private final BlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService retries;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong pending = new AtomicLong();
    /** Guards {@link #closed} and {@link #handler} together with the hand-over of items to the queue or retries. */
    private final Object lock = new Object();
    private boolean closed;
    private WorkHandler handler;

    /** {@code workers} threads, the other settings at their defaults. */
    public EmbeddedWorkQueue(int workers) {
        this(PipelineSettings.defaults().withWorkers(workers));
    }

    /** Items given up on are only logged. */
    public EmbeddedWorkQueue(PipelineSettings settings) {
        this(settings, (item, attempts, cause) -> { });
    }

    /** @param deadLetters told about every item given up on after {@code maxAttempts} */
    public EmbeddedWorkQueue(PipelineSettings settings, DeadLetters deadLetters) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chartroom-work-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the worker threads. Items submitted before are kept and handled once started.
     *
     * @throws IllegalStateException when already started or closed
     */
    @Override
    public void start(WorkHandler workHandler) {
        Objects.requireNonNull(workHandler, "workHandler");
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the work queue is closed");
            }
            if (handler != null) {
                throw new IllegalStateException("the work queue is already started");
            }
            handler = workHandler;
            for (int i = 1; i <= settings.workers(); i++) {
                Thread worker = new Thread(this::work, "chartroom-work-" + i);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
        }
        log.info("work queue started with {} workers", settings.workers());
    }

    /** @throws IllegalStateException when the queue is closed */
    @Override
    public void submit(WorkItem item) {
        Objects.requireNonNull(item, "item");
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the work queue is closed");
            }
            pending.incrementAndGet();
            queue.add(new Delivery(item, 1));
        }
    }

    /** Items submitted and not yet finished: queued, in flight, or waiting for a retry. */
    @Override
    public long pending() {
        return pending.get();
    }

    /**
     * Waits until no work is pending (for the command line and tests).
     *
     * @return true when idle, false when the timeout passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (pending.get() > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            return true;
        }
    }

    /**
     * Stops taking work, drops queued items and pending retries (recovery redoes them at the next start), and waits
     * up to {@code closeTimeout} for items in flight to finish; workers still busy then are interrupted.
     * Idempotent.
     */
    @Override
    public void close() {
        List<Delivery> dropped = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.drainTo(dropped);
        }
        int droppedRetries = retries.shutdownNow().size();
        for (int i = 0; i < dropped.size() + droppedRetries; i++) {
            finished();
        }
        if (!dropped.isEmpty() || droppedRetries > 0) {
            log.info("work queue closing: {} queued items and {} retries left for recovery at the next start",
                    dropped.size(), droppedRetries);
        }
        for (int i = 0; i < workers.size(); i++) {
            queue.add(STOP);
        }
        awaitWorkers();
    }

    private void awaitWorkers() {
        long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
        try {
            for (Thread worker : workers) {
                long remaining = deadline - System.nanoTime();
                if (remaining > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(worker, remaining);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long busy = workers.stream().filter(Thread::isAlive).count();
        if (busy > 0) {
            log.warn("work queue closed with {} items still in flight after {} ms; interrupting them", busy,
                    settings.closeTimeout().toMillis());
            workers.forEach(Thread::interrupt);
        }
    }

    private void work() {
        while (true) {
            Delivery delivery;
            try {
                delivery = queue.take();
            } catch (InterruptedException e) {
                if (isClosed()) {
                    return;
                }
                continue;
            }
            if (delivery == STOP) {
                return;
            }
            handle(delivery);
        }
    }

    private void handle(Delivery delivery) {
        try {
            handler.handle(delivery.item());
        } catch (Throwable failure) {
            // Deliberately everything, errors included: a worker must survive any handler failure.
            failed(delivery, failure);
            return;
        }
        finished();
    }

    private void failed(Delivery delivery, Throwable failure) {
        WorkItem item = delivery.item();
        if (delivery.attempt() >= settings.maxAttempts()) {
            String cause = FailureSummary.of(failure);
            log.error("giving up on {} of document {} version {} after {} attempts: {}", item.stage(),
                    item.documentId(), item.version(), delivery.attempt(), cause);
            try {
                deadLetters.deadLettered(item, delivery.attempt(), cause);
            } catch (RuntimeException e) {
                log.error("could not record the failure of document {}; recovery at the next start tries it again: "
                        + "{}", item.documentId(), FailureSummary.of(e));
            }
            finished();
            return;
        }
        Duration delay = backoff(delivery.attempt());
        Delivery next = new Delivery(item, delivery.attempt() + 1);
        synchronized (lock) {
            if (closed) {
                finished();
                return;
            }
            log.warn("{} of document {} version {} failed (attempt {} of {}), retrying in {} ms: {}", item.stage(),
                    item.documentId(), item.version(), delivery.attempt(), settings.maxAttempts(), delay.toMillis(),
                    FailureSummary.of(failure));
            retries.schedule(() -> requeue(next), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void requeue(Delivery delivery) {
        synchronized (lock) {
            if (!closed) {
                queue.add(delivery);
                return;
            }
        }
        finished();
    }

    private Duration backoff(int failedAttempt) {
        Duration delay = settings.retryBackoff();
        for (int i = 1; i < failedAttempt && delay.compareTo(MAX_BACKOFF) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void finished() {
        if (pending.decrementAndGet() == 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private record Delivery(WorkItem item, int attempt) {
    }

    /** For log lines and thread dumps. */
    @Override
    public String toString() {
        return "EmbeddedWorkQueue[workers=" + settings.workers() + ", pending=" + pending.get() + "]";
    }
}
