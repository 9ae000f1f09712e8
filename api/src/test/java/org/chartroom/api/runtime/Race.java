package org.chartroom.api.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs competing attempts at one record at the same instant and counts the ones that changed it. */
final class Race {
    /** Attempt {@code i}; true when it changed the record. */
    interface Attempt {
        boolean run(int i) throws Exception;
    }

    private Race() {
    }

    static int winners(int attempts, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    go.await();
                    return attempt.run(n);
                }));
            }
            go.countDown();
            int changed = 0;
            for (Future<Boolean> r : results) {
                changed += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return changed;
        } finally {
            pool.shutdownNow();
        }
    }
}
