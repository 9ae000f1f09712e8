package org.chartroom.ingest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.tika.config.TikaConfig;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.KeyRing;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.document.Original;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.TextExtractor;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.core.text.Page;
import org.chartroom.ingest.extract.ExtractSettings;
import org.chartroom.ingest.extract.TikaTextExtractor;
import org.chartroom.ingest.format.DocumentFormats;
import org.chartroom.ingest.intake.OriginalStore;
import org.chartroom.ingest.intake.StagedUpload;
import org.chartroom.ingest.results.ResultStore;
import org.chartroom.ingest.results.StoredResult;
import org.chartroom.ingest.testing.Fixtures;
import org.chartroom.ingest.testing.InMemoryDocumentStore;
import org.chartroom.ingest.testing.RecordingWorkQueue;
import org.chartroom.ingest.testing.SectionHeaderAnnotator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline split across processes: each process runs some stages and hands the rest off through the results. */
class StagedPipelineTest {
    private static final TikaTextExtractor TIKA = new TikaTextExtractor(TikaConfig.getDefaultConfig(),
            ExtractSettings.defaults());
    private static final String AUDIO = "audio/x-wav";

    @TempDir
    Path data;
    private final Encryption encryption = Encryption.with(new KeyRing(KeyRing.newKey(), List.of(), "test"));
    private OriginalStore originals;
    private ResultStore results;
    private final InMemoryDocumentStore store = new InMemoryDocumentStore();
    private final RecordingWorkQueue queue = new RecordingWorkQueue();
    private final AtomicInteger annotations = new AtomicInteger();
    private final ClinicalAnnotator annotator = text -> {
        annotations.incrementAndGet();
        return new SectionHeaderAnnotator().annotate(text);
    };
    /** A dictation reader standing in for the ASR module's: says what the "recording" says. */
    private final TextExtractor dictation = new TextExtractor() {
        @Override
        public boolean supports(String mediaType) {
            return AUDIO.equals(mediaType);
        }

        @Override
        public ExtractedText extract(InputStream original, String mediaType) {
            try {
                String said = new String(original.readAllBytes(), StandardCharsets.UTF_8);
                return new ExtractedText(mediaType, said, List.of(new Page(1, said, false, null)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    };
    private final StageReaders readers = new StageReaders(List.of(TIKA), List.of(), List.of(dictation));

    @BeforeEach
    void open() {
        originals = OriginalStore.open(data.resolve("originals"), encryption);
        results = ResultStore.open(data.resolve("results"), encryption);
    }

    @AfterEach
    void close() {
        originals.close();
    }

    /** A worker process: the given stages, no document store. */
    private Pipeline worker(Set<Stage> stages) {
        return Pipeline.builder(OriginalStore.openForReading(data.resolve("originals"), encryption))
                .readers(readers).annotator(annotator).results(results).handOff(queue).stages(stages).build();
    }

    /** The serving process: the index stage and the document store. */
    private Pipeline serving() {
        return Pipeline.builder(originals).readers(readers).store(store).results(results).handOff(queue)
                .stages(EnumSet.of(Stage.INDEX)).build();
    }

    private IntakeRecord accepted(byte[] content, String mediaType) {
        try (StagedUpload staged = originals.stage(new ByteArrayInputStream(content), 1_000_000)) {
            IntakeRecord record = new IntakeRecord(DocumentId.random(), Fixtures.metadata(), new Original("x",
                    mediaType, staged.size(), staged.sha256(), Instant.now(), "dr.test"));
            originals.commit(staged, record);
            return record;
        }
    }

    @Test
    void aWorkerRunsItsStagesInOneGoThenSavesTheDraftSealedAndHandsTheIndexStageOn() throws IOException {
        IntakeRecord intake = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        worker(EnumSet.of(Stage.EXTRACT, Stage.NLP)).handle(new WorkItem(intake.id(), 1, Stage.EXTRACT));

        assertEquals(List.of(new WorkItem(intake.id(), 1, Stage.INDEX)), queue.submitted);
        StoredResult saved = results.furthest(intake.id(), 1);
        assertEquals(StoredResult.Kind.DRAFT, saved.kind());
        assertEquals(Fixtures.NOTE, saved.draft().orElseThrow().text());
        assertNoFileContains(data.resolve("results"), "bronchitis");

        serving().handle(queue.submitted.get(0));
        DocumentRecord record = store.get(intake.id()).orElseThrow();
        assertEquals(DocumentState.DRAFT, record.state());
        assertEquals(List.of("chief_complaint", "assessment", "plan"), record.latest().orElseThrow().annotation()
                .sections().stream().map(s -> s.type()).toList());
        assertFalse(results.hasAny(intake.id(), 1), "results discarded once indexed");
    }

    @Test
    void aRedeliveredItemResumesFromTheSavedResultInsteadOfRedoingTheWork() {
        IntakeRecord intake = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        Pipeline extractOnly = worker(EnumSet.of(Stage.EXTRACT));
        extractOnly.handle(new WorkItem(intake.id(), 1, Stage.EXTRACT));
        assertEquals(new WorkItem(intake.id(), 1, Stage.NLP), queue.submitted.get(0));
        assertEquals(StoredResult.Kind.TEXT, results.furthestKind(intake.id(), 1));

        Pipeline nlp = worker(EnumSet.of(Stage.NLP));
        nlp.handle(queue.submitted.get(0));
        nlp.handle(queue.submitted.get(0));
        assertEquals(1, annotations.get(), "the redelivered NLP item found the draft and did not annotate again");
        assertEquals(new WorkItem(intake.id(), 1, Stage.INDEX), queue.submitted.get(1));
        assertEquals(queue.submitted.get(1), queue.submitted.get(2), "the hand-off is repeated: it may be lost");

        extractOnly.handle(new WorkItem(intake.id(), 1, Stage.EXTRACT));
        assertEquals(new WorkItem(intake.id(), 1, Stage.INDEX), queue.submitted.get(3), "EXTRACT resumes at INDEX");
    }

    @Test
    void aDictationGoesToTheAsrStageAndAnInputThatIsGoneStartsAgainFromTheOriginal() {
        IntakeRecord intake = accepted(Fixtures.text("PLAN: rest."), AUDIO);
        worker(EnumSet.of(Stage.EXTRACT)).handle(new WorkItem(intake.id(), 1, Stage.EXTRACT));
        assertEquals(List.of(new WorkItem(intake.id(), 1, Stage.ASR)), queue.submitted);
        assertEquals(StoredResult.Kind.NONE, results.furthestKind(intake.id(), 1), "routing saves nothing");

        worker(EnumSet.of(Stage.ASR, Stage.NLP)).handle(queue.submitted.get(0));
        assertEquals("asr", results.furthest(intake.id(), 1).draft().orElseThrow().source());

        results.discard(intake.id(), 1);
        worker(EnumSet.of(Stage.EXTRACT, Stage.ASR, Stage.NLP)).handle(new WorkItem(intake.id(), 1, Stage.NLP));
        assertEquals(StoredResult.Kind.DRAFT, results.furthestKind(intake.id(), 1), "redone from the original");
    }

    @Test
    void contentFailuresAreHandedToTheIndexStageAndDeadLettersMarkTheDocumentFailed() {
        IntakeRecord corrupt = accepted(Fixtures.text("%PDF-1.7 not really"), DocumentFormats.PDF);
        worker(EnumSet.of(Stage.EXTRACT, Stage.NLP)).handle(new WorkItem(corrupt.id(), 1, Stage.EXTRACT));
        assertEquals(StoredResult.Kind.FAILED, results.furthestKind(corrupt.id(), 1));
        serving().handle(queue.submitted.get(0));
        DocumentRecord failed = store.get(corrupt.id()).orElseThrow();
        assertEquals(DocumentState.FAILED, failed.state());
        assertTrue(failed.failureReason().contains("could not be read"), failed.failureReason());

        IntakeRecord poison = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        serving().deadLettered(new WorkItem(poison.id(), 1, Stage.NLP), 3, "IllegalStateException at X.y(X.java:1)");
        DocumentRecord dead = store.get(poison.id()).orElseThrow();
        assertEquals(DocumentState.FAILED, dead.state());
        assertEquals("processing stopped at the nlp stage after 3 failed attempts (IllegalStateException at "
                + "X.y(X.java:1)); upload the document again or report the failure to the administrator",
                dead.failureReason());
        serving().deadLettered(new WorkItem(corrupt.id(), 1, Stage.EXTRACT), 3, "late");
        assertEquals(failed, store.get(corrupt.id()).orElseThrow(), "a settled document is left alone");
    }

    @Test
    void resultsAreDiscardedOnlyWhenTheIndexIsDurable() {
        IntakeRecord intake = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        worker(EnumSet.of(Stage.EXTRACT, Stage.NLP)).handle(new WorkItem(intake.id(), 1, Stage.EXTRACT));
        CompletableFuture<Void> commit = new CompletableFuture<>();
        Pipeline serving = Pipeline.builder(originals).readers(readers).store(store).results(results)
                .handOff(queue).stages(EnumSet.of(Stage.INDEX)).indexDurability(() -> commit).build();
        serving.handle(new WorkItem(intake.id(), 1, Stage.INDEX));
        assertTrue(results.hasAny(intake.id(), 1), "kept until committed");
        commit.complete(null);
        assertFalse(results.hasAny(intake.id(), 1));
    }

    @Test
    void recoveryQueuesEachUnfinishedDocumentAtTheStageItReached() {
        IntakeRecord fresh = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        IntakeRecord extracted = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        IntakeRecord drafted = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        worker(EnumSet.of(Stage.EXTRACT)).handle(new WorkItem(extracted.id(), 1, Stage.EXTRACT));
        worker(EnumSet.of(Stage.EXTRACT, Stage.NLP)).handle(new WorkItem(drafted.id(), 1, Stage.EXTRACT));
        RecordingWorkQueue recovered = new RecordingWorkQueue();
        new Recovery(originals, store, results, recovered).resubmitUnfinished();
        assertEquals(Set.of(new WorkItem(fresh.id(), 1, Stage.EXTRACT), new WorkItem(extracted.id(), 1, Stage.NLP),
                new WorkItem(drafted.id(), 1, Stage.INDEX)), Set.copyOf(recovered.submitted));
    }

    private static void assertNoFileContains(Path dir, String phrase) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(phrase),
                        file + " holds plaintext");
            }
        }
    }
}
