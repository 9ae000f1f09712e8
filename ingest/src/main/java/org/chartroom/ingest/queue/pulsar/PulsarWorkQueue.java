package org.chartroom.ingest.queue.pulsar;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.apache.pulsar.client.impl.MultiplierRedeliveryBackoff;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.WorkHandler;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.core.pipeline.WorkQueue;
import org.chartroom.ingest.FailureSummary;
import org.chartroom.ingest.pipeline.DeadLetters;
import org.chartroom.ingest.pipeline.Durability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work queue over Apache Pulsar, for running the pipeline's stages in several processes.
 *
 * <ul>
 *   <li><b>Topics.</b> One persistent topic per stage ({@link PulsarSettings#topic}); {@link #submit} publishes an
 *       item to its stage's topic with the document id as key. The durable subscriptions of every stage topic exist
 *       from {@link #connect} on, so nothing published before a worker starts is lost.</li>
 *   <li><b>Consuming.</b> {@link #start} subscribes to the topics of the stages this process runs, Key_Shared on
 *       subscription {@value PulsarSettings#SUBSCRIPTION}: items of one document go to one consumer at a time, in
 *       order, and the key space is split among the consumers of all processes.</li>
 *   <li><b>Acknowledgement after durable.</b> An item is acknowledged (with a broker receipt) only after the handler
 *       returned, every item it submitted has been persisted by the broker, and the {@link Durability} says the
 *       stage's result is durable (the index stage: after the next index commit). A crash before that redelivers
 *       the item; stages are idempotent.</li>
 *   <li><b>Failures.</b> A handler that throws gets its item negatively acknowledged; the broker redelivers it after
 *       a backoff that doubles per attempt. On the last of {@code maxAttempts} attempts the item is published to the
 *       stage's dead-letter topic with the cause (exception types and places, no PHI) as a property, then
 *       acknowledged. A process that {@link #recordDeadLettersWith records dead letters} (the one with the document
 *       store) consumes the dead-letter
 *       topics and records each document as FAILED with that cause. The dead-letter topics also keep every message
 *       under subscription {@value #REVIEW_SUBSCRIPTION} for an operator to inspect.</li>
 *   <li><b>Backpressure.</b> At most {@code maxInFlight} items are received and not yet acknowledged by this process;
 *       the consumer prefetches no more than that.</li>
 *   <li><b>Graceful stop.</b> {@link #close} stops receiving, waits up to {@code closeTimeout} for items in flight to
 *       finish and be acknowledged, then closes the consumer, which gives everything unacknowledged back to the
 *       broker for other consumers.</li>
 * </ul>
 *
 * <p>{@link #submit} never blocks: the client keeps an item until the broker has it, reconnecting for as long as it
 * takes. Items a crash loses before that belong to documents without a stored result, which recovery queues again
 * when the serving process next starts.
 *
 * <p>Threads: one receives ({@code chartroom-pulsar-receive}) and hands each message to one of {@code threads}
 * lanes ({@code chartroom-pulsar-1}, …) chosen by its key, so one document's items are handled in order here too.
 * Thread-safe.
 */
public final class PulsarWorkQueue implements WorkQueue {
    private static final Logger log = LoggerFactory.getLogger(PulsarWorkQueue.class);
    /** Message properties of a dead letter. */
    public static final String CAUSE = "chartroom-cause";
    public static final String ATTEMPTS = "chartroom-attempts";
    /** Keeps dead letters for review: nothing consumes it automatically. */
    public static final String REVIEW_SUBSCRIPTION = "chartroom-review";
    private static final long POLL_MS = 200;

    private final PulsarSettings settings;
    private final Set<Stage> consumed;
    private final Durability durability;
    private DeadLetters deadLetters;
    private final PulsarClient client;
    private final Map<Stage, Producer<byte[]>> producers;
    private final Map<Stage, Producer<byte[]>> deadLetterProducers;
    private final Semaphore permits;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    /** The items a handler submits while handling one message: that message is acknowledged after they are sent. */
    private final ThreadLocal<List<CompletableFuture<MessageId>>> handing = new ThreadLocal<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final Object lock = new Object();
    private volatile boolean closing;
    private boolean closed;
    private WorkHandler handler;
    private Consumer<byte[]> consumer;
    private Consumer<byte[]> deadLetterConsumer;

    private PulsarWorkQueue(PulsarSettings settings, Set<Stage> consumed, Durability durability,
                            PulsarClient client, Map<Stage, Producer<byte[]>> producers,
                            Map<Stage, Producer<byte[]>> deadLetterProducers) {
        this.settings = settings;
        this.consumed = consumed;
        this.durability = durability;
        this.client = client;
        this.producers = producers;
        this.deadLetterProducers = deadLetterProducers;
        this.permits = new Semaphore(settings.maxInFlight());
    }

    /**
     * Connects to the broker, makes sure every stage topic and dead-letter topic has its durable subscriptions, and
     * opens the producers.
     *
     * @param consumed    the stages this process runs (none: it only publishes)
     * @param durability  when the results of the consumed stages are durable
     * @throws ConfigurationException when the broker cannot be reached (the message names the setting)
     */
    public static PulsarWorkQueue connect(PulsarSettings settings, Set<Stage> consumed, Durability durability) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(durability, "durability");
        PulsarClient client;
        try {
            client = PulsarClient.builder().serviceUrl(settings.serviceUrl())
                    .connectionTimeout(10, TimeUnit.SECONDS)
                    .operationTimeout(30, TimeUnit.SECONDS)
                    // Come back quickly after a broker restart.
                    .startingBackoffInterval(100, TimeUnit.MILLISECONDS)
                    .maxBackoffInterval(5, TimeUnit.SECONDS)
                    .build();
        } catch (PulsarClientException e) {
            throw unreachable(settings, e);
        }
        try {
            for (Stage stage : Stage.values()) {
                ensureSubscription(client, settings.topic(stage), PulsarSettings.SUBSCRIPTION,
                        SubscriptionType.Key_Shared);
                ensureSubscription(client, settings.deadLetterTopic(stage), PulsarSettings.DEAD_LETTER_SUBSCRIPTION,
                        SubscriptionType.Shared);
                ensureSubscription(client, settings.deadLetterTopic(stage), REVIEW_SUBSCRIPTION,
                        SubscriptionType.Shared);
            }
            Map<Stage, Producer<byte[]>> producers = new EnumMap<>(Stage.class);
            Map<Stage, Producer<byte[]>> deadLetterProducers = new EnumMap<>(Stage.class);
            for (Stage stage : Stage.values()) {
                producers.put(stage, producer(client, settings.topic(stage)));
                if (consumed.contains(stage)) {
                    deadLetterProducers.put(stage, producer(client, settings.deadLetterTopic(stage)));
                }
            }
            log.info("connected to Pulsar at {} (topics {}*): runs {}, at most {} items in flight",
                    settings.serviceUrl(), settings.topicPrefix(), consumed.isEmpty() ? "no stage" : consumed,
                    settings.maxInFlight());
            return new PulsarWorkQueue(settings, Set.copyOf(consumed), durability, client, producers,
                    deadLetterProducers);
        } catch (PulsarClientException e) {
            client.closeAsync();
            throw unreachable(settings, e);
        }
    }

    private static ConfigurationException unreachable(PulsarSettings settings, Exception e) {
        return new ConfigurationException("cannot use the Pulsar broker at " + settings.serviceUrl() + " ("
                + e.getClass().getSimpleName() + "); is it running? Set --pulsar or CHARTROOM_PULSAR_URL", e);
    }

    private static void ensureSubscription(PulsarClient client, String topic, String subscription,
                                           SubscriptionType type) throws PulsarClientException {
        client.newConsumer(Schema.BYTES).topic(topic).subscriptionName(subscription).subscriptionType(type)
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).receiverQueueSize(1)
                .subscribe().close();
    }

    private static Producer<byte[]> producer(PulsarClient client, String topic) throws PulsarClientException {
        return client.newProducer(Schema.BYTES).topic(topic)
                // One entry per item: a batch is dispatched whole, which would defeat Key_Shared's split by key and
                // the in-flight limit (a consumer would hold a whole batch).
                .enableBatching(false)
                // Never give up on an item while the process lives: the broker may be restarting.
                .sendTimeout(0, TimeUnit.SECONDS)
                .blockIfQueueFull(false)
                .create();
    }

    /**
     * Makes this process record dead letters: it consumes every stage's dead-letter topic and hands each item to
     * {@code recorder} (the pipeline that owns the document store). Call before {@link #start}.
     */
    public void recordDeadLettersWith(DeadLetters recorder) {
        synchronized (lock) {
            if (handler != null) {
                throw new IllegalStateException("the work queue is already started");
            }
            deadLetters = Objects.requireNonNull(recorder, "recorder");
        }
    }

    /**
     * Subscribes to the topics of the consumed stages and starts receiving into {@code threads} handler lanes, and,
     * with dead letters, one thread recording them.
     *
     * @throws IllegalStateException when already started or closed
     * @throws ConfigurationException when subscribing fails
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
            try {
                if (!consumed.isEmpty()) {
                    consumer = client.newConsumer(Schema.BYTES)
                            .topics(consumed.stream().map(settings::topic).toList())
                            .subscriptionName(PulsarSettings.SUBSCRIPTION)
                            .subscriptionType(SubscriptionType.Key_Shared)
                            .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                            .receiverQueueSize(Math.min(settings.maxInFlight(), 1000))
                            .negativeAckRedeliveryBackoff(MultiplierRedeliveryBackoff.builder()
                                    .minDelayMs(settings.retryBackoff().toMillis())
                                    .maxDelayMs(settings.maxBackoff().toMillis()).multiplier(2).build())
                            .isAckReceiptEnabled(true)
                            // Acknowledge at once: the client's default groups acks for 100 ms, and an item's
                            // permit is held until its ack is confirmed, which would cap a worker at
                            // maxInFlight / 0.1 s items per second.
                            .acknowledgmentGroupTime(0, TimeUnit.MILLISECONDS)
                            .consumerName("chartroom-" + ProcessHandle.current().pid())
                            .subscribe();
                    for (int i = 1; i <= settings.threads(); i++) {
                        lanes.add(lane("chartroom-pulsar-" + i));
                    }
                    threads.add(startThread("chartroom-pulsar-receive", this::receive));
                }
                if (deadLetters != null) {
                    deadLetterConsumer = client.newConsumer(Schema.BYTES)
                            .topics(EnumSet.allOf(Stage.class).stream().map(settings::deadLetterTopic).toList())
                            .subscriptionName(PulsarSettings.DEAD_LETTER_SUBSCRIPTION)
                            .subscriptionType(SubscriptionType.Shared)
                            .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                            .negativeAckRedeliveryBackoff(MultiplierRedeliveryBackoff.builder()
                                    .minDelayMs(settings.retryBackoff().toMillis())
                                    .maxDelayMs(settings.maxBackoff().toMillis()).multiplier(2).build())
                            .isAckReceiptEnabled(true)
                            .acknowledgmentGroupTime(0, TimeUnit.MILLISECONDS)
                            .subscribe();
                    threads.add(startThread("chartroom-pulsar-dead-letters", this::recordDeadLetters));
                }
            } catch (PulsarClientException e) {
                throw unreachable(settings, e);
            }
        }
        log.info("work queue started: {} handler threads on {}", consumed.isEmpty() ? 0 : settings.threads(),
                consumed);
    }

    private static Thread startThread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Publishes the item to its stage's topic. Never blocks. Called while handling an item, the handled item is
     * acknowledged only once the broker has this one.
     *
     * @throws IllegalStateException when the queue is closed (hand-offs of items still being handled are taken)
     */
    @Override
    public void submit(WorkItem item) {
        Objects.requireNonNull(item, "item");
        List<CompletableFuture<MessageId>> handingOff = handing.get();
        synchronized (lock) {
            // Items handled while closing may still hand off: the producers close after them.
            if (closed && handingOff == null) {
                throw new IllegalStateException("the work queue is closed");
            }
        }
        pending.incrementAndGet();
        CompletableFuture<MessageId> sent = producers.get(item.stage()).newMessage()
                .key(item.documentId().value()).value(WorkMessages.encode(item)).sendAsync();
        if (handingOff != null) {
            handingOff.add(sent);
        }
        sent.whenComplete((id, failure) -> {
            pending.decrementAndGet();
            if (failure != null) {
                log.error("could not queue {} of document {} ({}); recovery queues it again when the serving process "
                        + "next starts", item.stage(), item.documentId(), FailureSummary.of(failure));
            }
        });
    }

    /** Items submitted and not yet persisted by the broker, plus items being handled here. */
    @Override
    public long pending() {
        return pending.get();
    }

    /** Items handled here and acknowledged so far. */
    public long handledCount() {
        return handled.get();
    }

    /** Items this process gave up on and sent to a dead-letter topic. */
    public long deadLetteredCount() {
        return deadLettered.get();
    }

    public PulsarSettings settings() {
        return settings;
    }

    private static ExecutorService lane(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Receives while a permit is free and hands each message to the lane of its document (key hash modulo the
     * lanes), so one document's items are handled one after the other, in the order the broker delivers them.
     */
    private void receive() {
        while (!closing) {
            try {
                if (!permits.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                continue;
            }
            Message<byte[]> message;
            try {
                message = consumer.receive((int) POLL_MS, TimeUnit.MILLISECONDS);
            } catch (PulsarClientException e) {
                permits.release();
                if (!closing) {
                    log.warn("receiving from Pulsar failed: {}", FailureSummary.of(e));
                    pause();
                }
                continue;
            }
            if (message == null) {
                permits.release();
                continue;
            }
            String key = message.hasKey() ? message.getKey() : "";
            lanes.get(Math.floorMod(key.hashCode(), lanes.size())).execute(() -> process(message));
        }
    }

    private void process(Message<byte[]> message) {
        WorkItem item;
        try {
            item = WorkMessages.decode(message.getData());
        } catch (IllegalArgumentException e) {
            log.error("dropping a message on {} that is not a Chartroom work item", message.getTopicName());
            consumer.acknowledgeAsync(message.getMessageId()).whenComplete((v, f) -> permits.release());
            return;
        }
        int attempt = message.getRedeliveryCount() + 1;
        pending.incrementAndGet();
        List<CompletableFuture<MessageId>> handedOff = new ArrayList<>();
        handing.set(handedOff);
        Throwable failure = null;
        try {
            handler.handle(item);
        } catch (Throwable t) {
            // Deliberately everything, errors included: a handler thread must survive any failure.
            failure = t;
        } finally {
            handing.remove();
        }
        if (failure == null) {
            CompletableFuture.allOf(handedOff.toArray(CompletableFuture[]::new))
                    .thenCompose(v -> durability.afterStored())
                    .thenCompose(v -> consumer.acknowledgeAsync(message.getMessageId()))
                    .whenComplete((v, f) -> {
                        if (f != null) {
                            log.warn("{} of document {} was done but not acknowledged ({}); it will be delivered "
                                    + "again", item.stage(), item.documentId(), FailureSummary.of(f));
                            consumer.negativeAcknowledge(message);
                        } else {
                            handled.incrementAndGet();
                        }
                        finished();
                    });
        } else if (attempt >= settings.maxAttempts()) {
            deadLetter(message, item, attempt, FailureSummary.of(failure));
        } else {
            log.warn("{} of document {} version {} failed (attempt {} of {}), delivered again after a backoff: {}",
                    item.stage(), item.documentId(), item.version(), attempt, settings.maxAttempts(),
                    FailureSummary.of(failure));
            consumer.negativeAcknowledge(message);
            finished();
        }
    }

    private void deadLetter(Message<byte[]> message, WorkItem item, int attempts, String cause) {
        deadLetterProducers.get(item.stage()).newMessage().key(item.documentId().value()).value(message.getData())
                .property(CAUSE, cause).property(ATTEMPTS, String.valueOf(attempts)).sendAsync()
                .thenCompose(id -> consumer.acknowledgeAsync(message.getMessageId()))
                .whenComplete((v, f) -> {
                    if (f != null) {
                        log.warn("could not move {} of document {} to the dead-letter topic ({}); it will be "
                                + "delivered again", item.stage(), item.documentId(), FailureSummary.of(f));
                        consumer.negativeAcknowledge(message);
                    } else {
                        deadLettered.incrementAndGet();
                        log.error("gave up on {} of document {} version {} after {} attempts; moved to {}: {}",
                                item.stage(), item.documentId(), item.version(), attempts,
                                settings.deadLetterTopic(item.stage()), cause);
                    }
                    finished();
                });
    }

    private void recordDeadLetters() {
        while (!closing) {
            Message<byte[]> message;
            try {
                message = deadLetterConsumer.receive((int) POLL_MS, TimeUnit.MILLISECONDS);
            } catch (PulsarClientException e) {
                if (!closing) {
                    log.warn("receiving dead letters from Pulsar failed: {}", FailureSummary.of(e));
                    pause();
                }
                continue;
            }
            if (message == null) {
                continue;
            }
            try {
                WorkItem item = WorkMessages.decode(message.getData());
                String attempts = message.getProperty(ATTEMPTS);
                deadLetters.deadLettered(item, attempts == null ? settings.maxAttempts() : Integer.parseInt(attempts),
                        message.hasProperty(CAUSE) ? message.getProperty(CAUSE) : "unknown cause");
            } catch (IllegalArgumentException e) {
                log.error("dropping a message on {} that is not a Chartroom work item", message.getTopicName());
            } catch (RuntimeException e) {
                log.warn("could not record a dead letter ({}); trying again after a backoff", FailureSummary.of(e));
                deadLetterConsumer.negativeAcknowledge(message);
                continue;
            }
            durability.afterStored().toCompletableFuture()
                    .thenCompose(v -> deadLetterConsumer.acknowledgeAsync(message.getMessageId()))
                    .whenComplete((v, f) -> {
                        if (f != null) {
                            deadLetterConsumer.negativeAcknowledge(message);
                        }
                    });
        }
    }

    private void finished() {
        pending.decrementAndGet();
        permits.release();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops receiving, waits up to {@code closeTimeout} for items in flight to finish and be acknowledged (threads
     * still busy then are interrupted), gives everything unacknowledged back to the broker, flushes what was
     * submitted and disconnects. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closing = true;
        long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
        try {
            for (Thread thread : threads) {
                long remaining = deadline - System.nanoTime();
                if (remaining > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
                }
            }
            lanes.forEach(ExecutorService::shutdown);
            boolean idle = true;
            for (ExecutorService lane : lanes) {
                idle &= lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            if (!idle) {
                log.warn("work queue closing with items still being handled after {} ms; interrupting them and "
                        + "returning them to the broker", settings.closeTimeout().toMillis());
                lanes.forEach(ExecutorService::shutdownNow);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining > 0 && !permits.tryAcquire(settings.maxInFlight(), remaining, TimeUnit.NANOSECONDS)) {
                log.warn("work queue closing before every handled item was acknowledged; the broker delivers those "
                        + "again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(consumer);
        closeQuietly(deadLetterConsumer);
        for (Producer<byte[]> producer : producers.values()) {
            flush(producer, deadline);
        }
        deadLetterProducers.values().forEach(p -> flush(p, deadline));
        try {
            client.close();
        } catch (PulsarClientException e) {
            log.warn("closing the Pulsar client failed: {}", FailureSummary.of(e));
        }
        log.info("work queue closed: {} items handled, {} sent to dead-letter topics", handled.get(),
                deadLettered.get());
    }

    private static void flush(Producer<byte[]> producer, long deadline) {
        try {
            producer.flushAsync().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("items submitted to {} may not have reached the broker; recovery queues them again at the next "
                    + "start", producer.getTopic());
        }
        try {
            producer.close();
        } catch (PulsarClientException e) {
            log.debug("closing a producer failed: {}", FailureSummary.of(e));
        }
    }

    private static void closeQuietly(Consumer<byte[]> consumer) {
        if (consumer == null) {
            return;
        }
        try {
            consumer.close();
        } catch (PulsarClientException e) {
            log.warn("closing a Pulsar consumer failed: {}", FailureSummary.of(e));
        }
    }

    @Override
    public String toString() {
        return "PulsarWorkQueue[" + settings.serviceUrl() + ", runs " + consumed + ", pending=" + pending.get() + "]";
    }
}
