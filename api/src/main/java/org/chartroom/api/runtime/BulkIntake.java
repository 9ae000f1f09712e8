package org.chartroom.api.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.error.ChartroomException;

/**
 * Accepts many documents at once on several threads (bulk loads from the command line and the benchmark). Each
 * accept fsyncs its original; running several at a time lets those waits overlap.
 */
public final class BulkIntake {

    /** One document to accept. */
    public record Item(String label, DocumentMetadata metadata, String fileName, Source content) {
    }

    /** Opens an item's bytes; called once, the stream is closed by the caller. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * What happened.
     *
     * @param rejected the count of refused items by error kind (e.g. {@code unsupported-media-type})
     * @param examples up to ten refusals with the item's label and the reason
     */
    public record Outcome(int accepted, Map<String, Integer> rejected, List<String> examples) {
        public int rejectedCount() {
            return rejected.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private BulkIntake() {
    }

    /** Accepts the items on {@code threads} threads; {@code afterEach} runs after every item (e.g. a progress step). */
    public static Outcome run(ChartroomRuntime runtime, List<Item> items, int threads, Runnable afterEach)
            throws InterruptedException {
        AtomicInteger accepted = new AtomicInteger();
        Map<String, Integer> rejected = Collections.synchronizedMap(new TreeMap<>());
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chartroom-intake");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>(items.size());
            for (Item item : items) {
                done.add(pool.submit(() -> {
                    try (InputStream in = item.content().open()) {
                        var intake = runtime.intake().accept(item.metadata(), item.fileName(), "cli", in);
                        runtime.auditCommandLine(AuditAction.WRITE, "chartroom ingest",
                                item.metadata().patientMrn(), intake.id().value(), "");
                        accepted.incrementAndGet();
                    } catch (ChartroomException e) {
                        rejected.merge(e.kind(), 1, Integer::sum);
                        if (examples.size() < 10) {
                            examples.add(item.label() + ": " + e.getMessage());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + item.label(), e);
                    } finally {
                        afterEach.run();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("bulk intake stopped: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(accepted.get(), Map.copyOf(rejected), List.copyOf(examples));
    }
}
