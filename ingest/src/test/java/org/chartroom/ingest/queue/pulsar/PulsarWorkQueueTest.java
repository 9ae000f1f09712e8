package org.chartroom.ingest.queue.pulsar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.Schema;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.ingest.pipeline.Durability;
import org.chartroom.ingest.testing.PulsarBroker;
import org.junit.jupiter.api.Test;

/** The Pulsar work queue against a real broker (see {@link PulsarBroker}); each test has topics of its own. */
class PulsarWorkQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static PulsarSettings settings(String name) {
        return PulsarSettings.of(PulsarBroker.serviceUrl(), 2).withTopicPrefix(PulsarBroker.topicPrefix(name))
                .withRetries(3, Duration.ofMillis(100)).withCloseTimeout(Duration.ofSeconds(10));
    }

    private static WorkItem item(Stage stage) {
        return new WorkItem(DocumentId.random(), 1, stage);
    }

    @Test
    void everySubmittedItemIsHandledOnceByTheProcessThatRunsItsStage() throws Exception {
        PulsarSettings settings = settings("flow");
        Map<WorkItem, AtomicInteger> seen = new ConcurrentHashMap<>();
        List<WorkItem> submitted = new ArrayList<>();
        // The publisher runs no stage, like `chartroom serve --pulsar` submitting EXTRACT; published before any
        // worker subscribes, the items wait in the durable subscription.
        try (PulsarWorkQueue publisher = PulsarWorkQueue.connect(settings, Set.of(), Durability.IMMEDIATE)) {
            for (int i = 0; i < 200; i++) {
                WorkItem item = item(i % 2 == 0 ? Stage.NLP : Stage.OCR);
                submitted.add(item);
                publisher.submit(item);
            }
            await(() -> publisher.pending() == 0, "the broker has every item");
        }
        try (PulsarWorkQueue worker = PulsarWorkQueue.connect(settings, EnumSet.of(Stage.NLP, Stage.OCR),
                Durability.IMMEDIATE)) {
            worker.start(item -> seen.computeIfAbsent(item, k -> new AtomicInteger()).incrementAndGet());
            await(() -> worker.handledCount() == 200, "every item handled and acknowledged");
        }
        assertEquals(new HashSet<>(submitted), seen.keySet());
        assertTrue(seen.values().stream().allMatch(n -> n.get() == 1), "each exactly once");
    }

    @Test
    void aFailedItemIsDeliveredAgainAfterABackoffAndItsHandOffsAreSentBeforeItIsAcknowledged() throws Exception {
        PulsarSettings settings = settings("retry");
        List<Long> deliveries = new CopyOnWriteArrayList<>();
        List<WorkItem> indexed = new CopyOnWriteArrayList<>();
        WorkItem first = item(Stage.NLP);
        try (PulsarWorkQueue worker = PulsarWorkQueue.connect(settings, EnumSet.of(Stage.NLP, Stage.INDEX),
                Durability.IMMEDIATE)) {
            worker.start(item -> {
                if (item.stage() == Stage.INDEX) {
                    indexed.add(item);
                    return;
                }
                deliveries.add(System.nanoTime());
                if (deliveries.size() == 1) {
                    throw new IllegalStateException("transient trouble");
                }
                PulsarWorkQueueTest.submitNext(worker, item);
            });
            worker.submit(first);
            await(() -> indexed.size() == 1, "the retried item handed its document on");
        }
        assertEquals(2, deliveries.size());
        long gapMs = TimeUnit.NANOSECONDS.toMillis(deliveries.get(1) - deliveries.get(0));
        assertTrue(gapMs >= 90, "redelivered after the backoff, not at once: " + gapMs + " ms");
        assertEquals(new WorkItem(first.documentId(), 1, Stage.INDEX), indexed.get(0));
    }

    private static void submitNext(PulsarWorkQueue queue, WorkItem item) {
        queue.submit(new WorkItem(item.documentId(), item.version(), Stage.INDEX));
    }

    @Test
    void anItemThatAlwaysFailsEndsInTheDeadLetterTopicWithItsCauseAndDoesNotBlockOthers() throws Exception {
        PulsarSettings settings = settings("poison");
        WorkItem poison = item(Stage.EXTRACT);
        List<String> recorded = new CopyOnWriteArrayList<>();
        Set<WorkItem> handled = ConcurrentHashMap.newKeySet();
        AtomicInteger poisonAttempts = new AtomicInteger();
        try (PulsarWorkQueue worker = PulsarWorkQueue.connect(settings, EnumSet.of(Stage.EXTRACT),
                Durability.IMMEDIATE)) {
            worker.recordDeadLettersWith((item, attempts, cause) -> recorded.add(item + " " + attempts + " " + cause));
            worker.start(item -> {
                if (item.equals(poison)) {
                    poisonAttempts.incrementAndGet();
                    throw new IllegalStateException("always fails");
                }
                handled.add(item);
            });
            worker.submit(poison);
            for (int i = 0; i < 50; i++) {
                worker.submit(item(Stage.EXTRACT));
            }
            await(() -> handled.size() == 50 && recorded.size() == 1 && worker.deadLetteredCount() == 1,
                    "others handled, poison moved to the dead-letter topic and recorded");
        }
        assertEquals(3, poisonAttempts.get(), "tried maxAttempts times");
        assertTrue(recorded.get(0).startsWith(poison + " 3 IllegalStateException at "), recorded.get(0));
        try (PulsarClient client = PulsarClient.builder().serviceUrl(settings.serviceUrl()).build();
             Reader<byte[]> reader = client.newReader(Schema.BYTES).topic(settings.deadLetterTopic(Stage.EXTRACT))
                     .startMessageId(MessageId.earliest).create()) {
            Message<byte[]> letter = reader.readNext(10, TimeUnit.SECONDS);
            assertEquals(poison, WorkMessages.decode(letter.getData()));
            assertEquals(poison.documentId().value(), letter.getKey());
            assertEquals("3", letter.getProperty(PulsarWorkQueue.ATTEMPTS));
            assertTrue(letter.getProperty(PulsarWorkQueue.CAUSE).startsWith("IllegalStateException at "));
            assertEquals(null, reader.readNext(1, TimeUnit.SECONDS), "one dead letter");
        }
    }

    @Test
    void aWorkerHoldsAtMostItsInFlightLimitAndOneDocumentsItemsAreHandledInOrder() throws Exception {
        PulsarSettings settings = settings("backpressure").withThreads(2).withMaxInFlight(3);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        DocumentId document = DocumentId.random();
        List<Integer> versions = Collections.synchronizedList(new ArrayList<>());
        try (PulsarWorkQueue worker = PulsarWorkQueue.connect(settings, EnumSet.of(Stage.NLP),
                Durability.IMMEDIATE)) {
            worker.start(item -> {
                started.incrementAndGet();
                if (item.documentId().equals(document)) {
                    versions.add(item.version());
                    return;
                }
                release.await();
            });
            for (int i = 0; i < 40; i++) {
                worker.submit(item(Stage.NLP));
            }
            // Items go to the lane of their key: one or both lanes block, and the receiver stops at the limit.
            await(() -> started.get() >= 1, "a lane busy");
            Thread.sleep(1500);
            JsonNode consumer = new ObjectMapper().readTree(PulsarBroker.topicStats(settings.topic(Stage.NLP)))
                    .path("subscriptions").path(PulsarSettings.SUBSCRIPTION).path("consumers").get(0);
            int unacked = consumer.path("unackedMessages").asInt();
            assertTrue(unacked <= 3 + 3, "in flight at most the limit plus the prefetch the limit allows: "
                    + unacked);
            assertTrue(started.get() <= 2, "no more started than there are lanes: " + started.get());
            release.countDown();
            for (int v = 1; v <= 20; v++) {
                worker.submit(new WorkItem(document, v, Stage.NLP));
            }
            await(() -> worker.handledCount() == 60, "everything handled once released");
        }
        List<Integer> expected = new ArrayList<>();
        for (int v = 1; v <= 20; v++) {
            expected.add(v);
        }
        assertEquals(expected, versions, "one document's items in the order submitted");
    }

    @Test
    void anItemWhoseResultNeverBecameDurableIsDeliveredAgainAfterAStop() throws Exception {
        PulsarSettings settings = settings("durable").withCloseTimeout(Duration.ofSeconds(2));
        WorkItem item = item(Stage.INDEX);
        AtomicInteger firstRun = new AtomicInteger();
        // The index commit that would make the result durable never happens (the process is stopping).
        Durability never = CompletableFuture::new;
        try (PulsarWorkQueue serving = PulsarWorkQueue.connect(settings, EnumSet.of(Stage.INDEX), never)) {
            serving.start(i -> firstRun.incrementAndGet());
            serving.submit(item);
            await(() -> firstRun.get() == 1, "handled once");
            assertEquals(0, serving.handledCount(), "not acknowledged while not durable");
        }
        Set<WorkItem> secondRun = ConcurrentHashMap.newKeySet();
        try (PulsarWorkQueue serving = PulsarWorkQueue.connect(settings, EnumSet.of(Stage.INDEX),
                Durability.IMMEDIATE)) {
            serving.start(secondRun::add);
            await(() -> serving.handledCount() == 1, "delivered again");
        }
        assertEquals(Set.of(item), secondRun);
    }

    @Test
    void aGracefulStopFinishesTheItemInHandAndSendsItsHandOff() throws Exception {
        PulsarSettings settings = settings("stop");
        WorkItem item = item(Stage.NLP);
        CountDownLatch inHand = new CountDownLatch(1);
        PulsarWorkQueue worker = PulsarWorkQueue.connect(settings, EnumSet.of(Stage.NLP), Durability.IMMEDIATE);
        worker.start(i -> {
            inHand.countDown();
            Thread.sleep(500);
            worker.submit(new WorkItem(i.documentId(), i.version(), Stage.INDEX));
        });
        worker.submit(item);
        assertTrue(inHand.await(60, TimeUnit.SECONDS));
        worker.close();
        assertEquals(1, worker.handledCount(), "finished and acknowledged during the stop");

        List<WorkItem> after = new CopyOnWriteArrayList<>();
        try (PulsarWorkQueue next = PulsarWorkQueue.connect(settings, EnumSet.of(Stage.NLP, Stage.INDEX),
                Durability.IMMEDIATE)) {
            next.start(after::add);
            await(() -> after.size() == 1, "the hand-off arrived");
            Thread.sleep(1000);
        }
        assertEquals(List.of(new WorkItem(item.documentId(), 1, Stage.INDEX)), after, "and the item did not come back");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }
}
