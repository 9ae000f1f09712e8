package org.chartroom.ingest.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * How the embedded pipeline runs.
 *
 * @param workers        worker threads of the embedded queue ({@code chartroom.pipeline.workers}; default: the number
 *                       of available processors)
 * @param maxAttempts    how often a work item is tried before it is given up ({@code chartroom.pipeline.max-attempts};
 *                       default 3)
 * @param retryBackoff   the wait before the first retry, doubled for each further one
 *                       ({@code chartroom.pipeline.retry-backoff}; default 1 s)
 * @param closeTimeout   how long closing the queue waits for items in flight ({@code chartroom.pipeline.close-timeout};
 *                       default 30 s)
 * @param commitInterval how often stored results are made durable ({@code chartroom.pipeline.commit-interval};
 *                       default 1 s). After a crash, work since the last commit is redone from the originals.
 */
public record PipelineSettings(int workers, int maxAttempts, Duration retryBackoff, Duration closeTimeout,
                               Duration commitInterval) {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);

    public PipelineSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("chartroom.pipeline.workers must be at least 1, not " + workers);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("chartroom.pipeline.max-attempts must be at least 1, not "
                    + maxAttempts);
        }
        requireNotNegative("chartroom.pipeline.retry-backoff", retryBackoff);
        requireNotNegative("chartroom.pipeline.close-timeout", closeTimeout);
        requireNotNegative("chartroom.pipeline.commit-interval", commitInterval);
        if (commitInterval.isZero()) {
            throw new IllegalArgumentException("chartroom.pipeline.commit-interval must be positive");
        }
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_ATTEMPTS,
                DEFAULT_RETRY_BACKOFF, DEFAULT_CLOSE_TIMEOUT, DEFAULT_COMMIT_INTERVAL);
    }

    public PipelineSettings withWorkers(int count) {
        return new PipelineSettings(count, maxAttempts, retryBackoff, closeTimeout, commitInterval);
    }

    public PipelineSettings withRetries(int attempts, Duration backoff) {
        return new PipelineSettings(workers, attempts, backoff, closeTimeout, commitInterval);
    }

    public PipelineSettings withCloseTimeout(Duration timeout) {
        return new PipelineSettings(workers, maxAttempts, retryBackoff, timeout, commitInterval);
    }

    public PipelineSettings withCommitInterval(Duration interval) {
        return new PipelineSettings(workers, maxAttempts, retryBackoff, closeTimeout, interval);
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
