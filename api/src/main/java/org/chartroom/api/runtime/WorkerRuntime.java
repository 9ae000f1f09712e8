package org.chartroom.api.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.MasterKeys;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.ingest.FailureSummary;
import org.chartroom.ingest.intake.OriginalStore;
import org.chartroom.ingest.ocr.ScanRecognizer;
import org.chartroom.ingest.pipeline.Durability;
import org.chartroom.ingest.pipeline.Pipeline;
import org.chartroom.ingest.queue.pulsar.PulsarSettings;
import org.chartroom.ingest.queue.pulsar.PulsarWorkQueue;
import org.chartroom.ingest.results.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process ({@code chartroom worker}): runs some of the pipeline's stages for work items it takes from Pulsar,
 * on the data directory the serving process owns (on the same machine, or shared with it). It reads originals and
 * writes stage results; it never opens the index, which has one writer, the serving process.
 *
 * <p>The stages a worker runs follow each other in memory (e.g. EXTRACT then NLP) and only the last result is saved
 * for the next process. {@link #close} returns or finishes in-flight work (see {@link PulsarWorkQueue#close}).
 */
public final class WorkerRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);

    /** The stages a worker may run: all but INDEX. */
    public static final Set<Stage> WORKER_STAGES = EnumSet.of(Stage.EXTRACT, Stage.OCR, Stage.ASR, Stage.NLP);

    private final OriginalStore originals;
    private final PulsarWorkQueue queue;
    private final Pipeline pipeline;
    private final ScanRecognizer ocr;
    private final Path scratch;
    private boolean closed;

    private WorkerRuntime(OriginalStore originals, PulsarWorkQueue queue, Pipeline pipeline, ScanRecognizer ocr,
                          Path scratch) {
        this.originals = originals;
        this.queue = queue;
        this.pipeline = pipeline;
        this.ocr = ocr;
        this.scratch = scratch;
    }

    /**
     * Connects and starts taking work.
     *
     * @throws ConfigurationException when a stage is not one a worker runs, the data directory has no originals or
     *         no master key, or the broker cannot be reached (each message names the fix)
     */
    public static WorkerRuntime open(ChartroomSettings settings, PulsarSettings pulsar, Set<Stage> stages) {
        if (stages.isEmpty() || !WORKER_STAGES.containsAll(stages)) {
            throw new ConfigurationException("a worker runs some of " + WORKER_STAGES + ", not " + stages
                    + "; the index stage runs in the serving process (chartroom serve --pulsar), since the index has "
                    + "one writer");
        }
        Encryption encryption = encryption(settings, System.getenv());
        OriginalStore originals = OriginalStore.openForReading(settings.originalsDir(), encryption);
        ScanRecognizer ocr = null;
        PulsarWorkQueue queue = null;
        Path scratch = null;
        try {
            ResultStore results = ResultStore.open(settings.resultsDir(), encryption);
            // Tika spools originals while reading them: a scratch directory of this worker's own, inside the data
            // directory (PHI), removed at close.
            Files.createDirectories(settings.tmpDir());
            scratch = Files.createTempDirectory(settings.tmpDir(), "worker-");
            ocr = new ScanRecognizer(settings.ocr());
            queue = PulsarWorkQueue.connect(pulsar, stages, Durability.IMMEDIATE);
            Pipeline pipeline = Pipeline.builder(originals)
                    .readers(Components.readers(settings.dataDir(), scratch, ocr, true, java.util.Optional.empty()))
                    .annotator(stages.contains(Stage.NLP) ? Components.annotatorIfIndexed(settings.dataDir()) : null)
                    .results(results).handOff(queue).stages(stages).build();
            queue.start(pipeline);
            LOG.info("worker ready: runs {} for {}, data directory {}", stages, pulsar.serviceUrl(),
                    settings.dataDir());
            return new WorkerRuntime(originals, queue, pipeline, ocr, scratch);
        } catch (IOException e) {
            closeAll(queue, ocr, scratch, originals);
            throw new UncheckedIOException("could not create the worker's scratch directory in " + settings.tmpDir(),
                    e);
        } catch (RuntimeException e) {
            closeAll(queue, ocr, scratch, originals);
            throw e;
        }
    }

    /**
     * The data directory's master keys. Unlike the serving process a worker never generates a keystore: a missing
     * one means the worker was pointed at the wrong directory, or the key is kept elsewhere.
     */
    static Encryption encryption(ChartroomSettings settings, Map<String, String> env) {
        Optional<Path> keystore = MasterKeys.keystore(env, settings.dataDir());
        if (keystore.isPresent() && !Files.exists(keystore.get())) {
            throw new ConfigurationException("no master key for " + settings.dataDir() + " (" + keystore.get()
                    + " is missing): start `chartroom serve` on this data directory first, or give the key with "
                    + MasterKeys.MASTER_KEY + " or " + MasterKeys.KEYSTORE);
        }
        return ChartroomRuntime.encryption(settings, env);
    }

    public Set<Stage> stages() {
        return pipeline.stages();
    }

    /** Work items handled and acknowledged so far. */
    public long handled() {
        return queue.handledCount();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAll(queue, ocr, scratch, originals);
        LOG.info("worker stopped: {} work items handled", queue.handledCount());
    }

    private static void closeAll(PulsarWorkQueue queue, ScanRecognizer ocr, Path scratch, OriginalStore originals) {
        if (queue != null) {
            queue.close();
        }
        if (ocr != null) {
            ocr.close();
        }
        if (scratch != null) {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("could not remove the worker's scratch directory: {}", FailureSummary.of(e));
            }
        }
        originals.close();
    }
}
