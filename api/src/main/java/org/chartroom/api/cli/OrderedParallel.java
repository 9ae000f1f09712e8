package org.chartroom.api.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Maps the lines of a reader to output lines on several threads, writing the results in input order. At most a
 * bounded window of lines is in flight, so memory does not grow with the input.
 */
final class OrderedParallel {
    private OrderedParallel() {
    }

    static void map(BufferedReader in, PrintStream out, int threads, Function<String, String> work)
            throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chartroom-jsonl");
            t.setDaemon(true);
            return t;
        });
        int window = threads * 16;
        Deque<Future<String>> inFlight = new ArrayDeque<>();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String input = line;
                inFlight.add(pool.submit(() -> work.apply(input)));
                if (inFlight.size() >= window) {
                    out.println(take(inFlight));
                }
            }
            while (!inFlight.isEmpty()) {
                out.println(take(inFlight));
            }
            out.flush();
        } finally {
            pool.shutdownNow();
        }
    }

    private static String take(Deque<Future<String>> inFlight) throws InterruptedException {
        try {
            return inFlight.removeFirst().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a JSON Lines worker failed", e.getCause());
        }
    }
}
