package org.chartroom.ingest.queue.pulsar;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.chartroom.core.pipeline.Stage;

/**
 * How a process talks to Pulsar.
 *
 * @param serviceUrl   the broker ({@code CHARTROOM_PULSAR_URL} or {@code --pulsar}), e.g. {@code pulsar://127.0.0.1:6650}
 * @param topicPrefix  stage topics are this plus the stage in lower case, dead-letter topics that plus {@code -dlq}
 *                     ({@code CHARTROOM_PULSAR_TOPICS}, default {@value #DEFAULT_TOPIC_PREFIX})
 * @param threads      work items handled at once by this process ({@code CHARTROOM_WORKERS})
 * @param maxInFlight  work items received and not yet acknowledged by this process, at most (backpressure;
 *                     {@code CHARTROOM_PULSAR_IN_FLIGHT}). The index stage acknowledges only after the next index
 *                     commit, so where it runs this must cover a commit interval's worth of documents
 * @param maxAttempts  deliveries of an item before it goes to the dead-letter topic ({@code CHARTROOM_MAX_ATTEMPTS})
 * @param retryBackoff the wait before the first redelivery after a failure, doubled for each further one up to
 *                     {@code maxBackoff} ({@code CHARTROOM_RETRY_BACKOFF_MS})
 * @param maxBackoff   the longest wait before a redelivery
 * @param closeTimeout how long a graceful stop waits for items in flight; the rest go back to the broker
 */
public record PulsarSettings(String serviceUrl, String topicPrefix, int threads, int maxInFlight, int maxAttempts,
                             Duration retryBackoff, Duration maxBackoff, Duration closeTimeout) {
    public static final String DEFAULT_TOPIC_PREFIX = "persistent://public/default/chartroom-";
    public static final String SUBSCRIPTION = "chartroom";
    public static final String DEAD_LETTER_SUBSCRIPTION = "chartroom-dead-letters";

    public PulsarSettings {
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        if (!serviceUrl.startsWith("pulsar://") && !serviceUrl.startsWith("pulsar+ssl://")) {
            throw new IllegalArgumentException("the Pulsar URL must start with pulsar:// or pulsar+ssl://, not '"
                    + serviceUrl + "' (set --pulsar or CHARTROOM_PULSAR_URL)");
        }
        if (!topicPrefix.startsWith("persistent://")) {
            throw new IllegalArgumentException("the topic prefix must name persistent topics (persistent://tenant/"
                    + "namespace/name-), not '" + topicPrefix + "' (CHARTROOM_PULSAR_TOPICS)");
        }
        if (threads < 1 || maxInFlight < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("threads, in-flight items and attempts must each be at least 1");
        }
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
    }

    /**
     * Defaults for {@code threads} worker threads: in flight four times that (at least 8: items wait for their
     * hand-off and acknowledgement round trips too), 3 attempts, 1 s backoff up to 5 min.
     */
    public static PulsarSettings of(String serviceUrl, int threads) {
        return new PulsarSettings(serviceUrl, DEFAULT_TOPIC_PREFIX, threads, Math.max(8, 4 * threads), 3,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    public String topic(Stage stage) {
        return topicPrefix + stage.name().toLowerCase(Locale.ROOT);
    }

    public String deadLetterTopic(Stage stage) {
        return topic(stage) + "-dlq";
    }

    public PulsarSettings withTopicPrefix(String prefix) {
        return new PulsarSettings(serviceUrl, prefix, threads, maxInFlight, maxAttempts, retryBackoff, maxBackoff,
                closeTimeout);
    }

    public PulsarSettings withMaxInFlight(int items) {
        return new PulsarSettings(serviceUrl, topicPrefix, threads, items, maxAttempts, retryBackoff, maxBackoff,
                closeTimeout);
    }

    public PulsarSettings withRetries(int attempts, Duration backoff) {
        return new PulsarSettings(serviceUrl, topicPrefix, threads, maxInFlight, attempts, backoff, maxBackoff,
                closeTimeout);
    }

    public PulsarSettings withThreads(int count) {
        return new PulsarSettings(serviceUrl, topicPrefix, count, maxInFlight, maxAttempts, retryBackoff, maxBackoff,
                closeTimeout);
    }

    public PulsarSettings withCloseTimeout(Duration timeout) {
        return new PulsarSettings(serviceUrl, topicPrefix, threads, maxInFlight, maxAttempts, retryBackoff, maxBackoff,
                timeout);
    }
}
