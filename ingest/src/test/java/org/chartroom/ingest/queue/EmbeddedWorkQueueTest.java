package org.chartroom.ingest.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.ingest.pipeline.PipelineSettings;
import org.junit.jupiter.api.Test;

class EmbeddedWorkQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static PipelineSettings settings(int workers) {
        return PipelineSettings.defaults().withWorkers(workers).withRetries(3, Duration.ofMillis(20));
    }

    private static WorkItem item() {
        return new WorkItem(DocumentId.random(), 1, Stage.EXTRACT);
    }

    @Test
    void aThousandItemsOnTwoThreadsAreEachHandledExactlyOnce() throws Exception {
        Map<WorkItem, AtomicInteger> handled = new ConcurrentHashMap<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<WorkItem> items = new ArrayList<>();
        // Every item waits until both workers have taken one, so a fast worker cannot drain the queue alone.
        java.util.concurrent.CountDownLatch bothWorking = new java.util.concurrent.CountDownLatch(2);
        try (EmbeddedWorkQueue queue = new EmbeddedWorkQueue(settings(2))) {
            queue.start(item -> {
                if (threads.add(Thread.currentThread().getName())) {
                    bothWorking.countDown();
                }
                assertTrue(bothWorking.await(30, java.util.concurrent.TimeUnit.SECONDS), "both workers take work");
                handled.computeIfAbsent(item, k -> new AtomicInteger()).incrementAndGet();
            });
            for (int i = 0; i < 1000; i++) {
                WorkItem item = item();
                items.add(item);
                queue.submit(item);
            }
            assertTrue(queue.awaitIdle(WAIT));
            assertEquals(0, queue.pending());
        }
        assertEquals(Set.copyOf(items), handled.keySet());
        assertTrue(handled.values().stream().allMatch(count -> count.get() == 1));
        assertEquals(Set.of("chartroom-work-1", "chartroom-work-2"), threads);
    }

    @Test
    void oneWorkerHandlesItemsInTheOrderTheyCame() throws Exception {
        List<WorkItem> order = new CopyOnWriteArrayList<>();
        List<WorkItem> items = new ArrayList<>();
        try (EmbeddedWorkQueue queue = new EmbeddedWorkQueue(settings(1))) {
            for (int i = 0; i < 100; i++) {
                WorkItem item = item();
                items.add(item);
                queue.submit(item); // before start: kept until the workers run
            }
            queue.start(order::add);
            assertTrue(queue.awaitIdle(WAIT));
        }
        assertEquals(items, order);
    }

    @Test
    void aFailingItemIsRetriedWithBackoffThenGivenUp() throws Exception {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        List<String> deadLetters = new CopyOnWriteArrayList<>();
        try (EmbeddedWorkQueue queue = new EmbeddedWorkQueue(settings(1),
                (item, attempt, cause) -> deadLetters.add(attempt + " " + cause))) {
            queue.start(item -> {
                attempts.add(System.nanoTime());
                throw new IllegalStateException("store unavailable");
            });
            queue.submit(item());
            assertTrue(queue.awaitIdle(WAIT));
            assertEquals(0, queue.pending(), "given up: no longer pending");
        }
        assertEquals(3, attempts.size());
        assertEquals(1, deadLetters.size(), "handed to the dead letters once");
        assertTrue(deadLetters.get(0).startsWith("3 IllegalStateException at "), deadLetters.get(0));
        long firstWait = attempts.get(1) - attempts.get(0);
        long secondWait = attempts.get(2) - attempts.get(1);
        assertTrue(firstWait >= TimeUnit.MILLISECONDS.toNanos(20), "waits the backoff before retrying");
        assertTrue(secondWait >= TimeUnit.MILLISECONDS.toNanos(40), "and doubles it");
    }

    @Test
    void anItemThatFailsOnceSucceedsOnItsRetry() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        try (EmbeddedWorkQueue queue = new EmbeddedWorkQueue(settings(1))) {
            queue.start(item -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new java.io.IOException("transient");
                }
                done.set(true);
            });
            queue.submit(item());
            assertTrue(queue.awaitIdle(WAIT));
        }
        assertEquals(2, attempts.get());
        assertTrue(done.get());
    }

    @Test
    void aWorkerSurvivesAnyHandlerFailure() throws Exception {
        List<WorkItem> handled = Collections.synchronizedList(new ArrayList<>());
        WorkItem poison = item();
        WorkItem overflow = item();
        PipelineSettings oneAttempt = settings(1).withRetries(1, Duration.ZERO);
        try (EmbeddedWorkQueue queue = new EmbeddedWorkQueue(oneAttempt)) {
            queue.start(item -> {
                if (item.equals(poison)) {
                    throw new RuntimeException("bug");
                }
                if (item.equals(overflow)) {
                    throw new StackOverflowError();
                }
                handled.add(item);
            });
            WorkItem after = item();
            queue.submit(poison);
            queue.submit(overflow);
            queue.submit(after);
            assertTrue(queue.awaitIdle(WAIT));
            assertEquals(List.of(after), handled, "the single worker went on after both failures");
        }
    }

    @Test
    void closeWaitsForItemsInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        EmbeddedWorkQueue queue = new EmbeddedWorkQueue(settings(1));
        queue.start(item -> {
            started.countDown();
            Thread.sleep(300);
            finished.set(true);
        });
        queue.submit(item());
        assertTrue(started.await(10, TimeUnit.SECONDS));
        queue.close();
        assertTrue(finished.get(), "close returned only after the item in flight finished");
        assertEquals(0, queue.pending());
    }

    @Test
    void closeDropsQueuedItemsForRecoveryAndInterruptsWorkPastTheTimeout() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicInteger handled = new AtomicInteger();
        EmbeddedWorkQueue queue = new EmbeddedWorkQueue(settings(1).withCloseTimeout(Duration.ofMillis(200)));
        queue.start(item -> {
            handled.incrementAndGet();
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        for (int i = 0; i < 10; i++) {
            queue.submit(item());
        }
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long before = System.nanoTime();
        queue.close();
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(5), "does not wait for the stuck item");
        for (int i = 0; i < 100 && !interrupted.get(); i++) {
            Thread.sleep(20);
        }
        assertTrue(interrupted.get());
        assertEquals(1, handled.get(), "queued items were not started after close");
    }

    @Test
    void nothingIsTakenAfterClose() {
        EmbeddedWorkQueue queue = new EmbeddedWorkQueue(settings(1));
        queue.start(item -> { });
        queue.close();
        queue.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> queue.submit(item()));
        assertEquals("the work queue is closed", e.getMessage());
    }

    @Test
    void pendingCountsQueuedAndInFlightItems() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (EmbeddedWorkQueue queue = new EmbeddedWorkQueue(settings(1))) {
            queue.start(item -> {
                started.countDown();
                release.await();
            });
            queue.submit(item());
            queue.submit(item());
            queue.submit(item());
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertEquals(3, queue.pending(), "one in flight, two queued");
            release.countDown();
            assertTrue(queue.awaitIdle(WAIT));
            assertEquals(0, queue.pending());
        }
    }

    @Test
    void startingTwiceIsAMistake() {
        try (EmbeddedWorkQueue queue = new EmbeddedWorkQueue(settings(1))) {
            queue.start(item -> { });
            assertThrows(IllegalStateException.class, () -> queue.start(item -> { }));
        }
    }
}
