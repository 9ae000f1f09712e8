package org.chartroom.ingest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.chartroom.ingest.testing.InMemoryDocumentStore;
import org.junit.jupiter.api.Test;

class PeriodicCommitterTest {
    private final InMemoryDocumentStore store = new InMemoryDocumentStore();

    @Test
    void commitsEveryInterval() throws Exception {
        try (PeriodicCommitter committer = new PeriodicCommitter(store, Duration.ofMillis(20))) {
            for (int i = 0; i < 500 && store.commits.get() < 3; i++) {
                Thread.sleep(10);
            }
            assertTrue(store.commits.get() >= 3);
        }
    }

    @Test
    void closeCommitsWhatIsLeftOnce() {
        PeriodicCommitter committer = new PeriodicCommitter(store, Duration.ofHours(1));
        committer.close();
        assertEquals(1, store.commits.get());
        committer.close();
        assertEquals(1, store.commits.get(), "close is idempotent");
    }

    @Test
    void aFailedCommitDoesNotStopLaterOnes() throws Exception {
        store.failWith(new IllegalStateException("index locked"));
        try (PeriodicCommitter committer = new PeriodicCommitter(store, Duration.ofMillis(10))) {
            Thread.sleep(100); // several failing ticks: logged once, the timer keeps running
            assertFalse(committer.commit());
            store.failWith(null);
            int before = store.commits.get();
            for (int i = 0; i < 500 && store.commits.get() == before; i++) {
                Thread.sleep(10);
            }
            assertTrue(store.commits.get() > before, "the timer survived the failures");
        }
    }

    @Test
    void nextCommitCompletesAfterTheNextSuccessfulCommitAndFailsAfterClose() {
        PeriodicCommitter committer = new PeriodicCommitter(store, Duration.ofHours(1));
        store.failWith(new IllegalStateException("disk full"));
        CompletableFuture<Void> next = committer.nextCommit();
        assertFalse(committer.commit());
        assertFalse(next.isDone(), "a failed commit made nothing durable");
        store.failWith(null);
        assertTrue(committer.commit());
        assertTrue(next.isDone() && !next.isCompletedExceptionally());
        committer.close();
        assertTrue(committer.nextCommit().isCompletedExceptionally(), "no commit comes after close");
    }
}
