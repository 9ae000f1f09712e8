package org.chartroom.ingest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.tika.config.TikaConfig;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.document.Original;
import org.chartroom.core.error.NotFoundException;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.TextExtractor;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Page;
import org.chartroom.core.text.Section;
import org.chartroom.ingest.extract.ExtractSettings;
import org.chartroom.ingest.extract.TikaTextExtractor;
import org.chartroom.ingest.format.DocumentFormats;
import org.chartroom.ingest.intake.OriginalStore;
import org.chartroom.ingest.intake.StagedUpload;
import org.chartroom.ingest.testing.Fixtures;
import org.chartroom.ingest.testing.InMemoryDocumentStore;
import org.chartroom.ingest.testing.SectionHeaderAnnotator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
    private static final Instant NOW = Instant.parse("2026-03-14T10:00:00Z");
    private static List<TextExtractor> extractors;

    @TempDir
    Path data;
    private OriginalStore originals;
    private final InMemoryDocumentStore store = new InMemoryDocumentStore();
    private Pipeline pipeline;

    @BeforeAll
    static void loadTika() {
        extractors = List.of(new TikaTextExtractor(TikaConfig.getDefaultConfig(), ExtractSettings.defaults()));
    }

    @BeforeEach
    void open() {
        originals = OriginalStore.open(data.resolve("originals"));
        pipeline = pipeline(new SectionHeaderAnnotator());
    }

    @AfterEach
    void close() {
        originals.close();
    }

    private Pipeline pipeline(ClinicalAnnotator annotator) {
        return new Pipeline(originals, extractors, annotator, store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Stores an original as intake would, but with whatever media type the test says (intake is tested alone). */
    private IntakeRecord accepted(byte[] content, String mediaType) {
        try (StagedUpload staged = originals.stage(new ByteArrayInputStream(content), 1_000_000)) {
            IntakeRecord record = new IntakeRecord(DocumentId.random(), Fixtures.metadata(), new Original("x",
                    mediaType, staged.size(), staged.sha256(), NOW.minusSeconds(60), "dr.test"));
            originals.commit(staged, record);
            return record;
        }
    }

    private static WorkItem extract(IntakeRecord intake) {
        return new WorkItem(intake.id(), 1, Stage.EXTRACT);
    }

    @Test
    void aTypedNoteBecomesADraftWithItsSections() {
        IntakeRecord intake = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        pipeline.handle(extract(intake));

        DocumentRecord record = store.get(intake.id()).orElseThrow();
        assertEquals(DocumentState.DRAFT, record.state());
        assertEquals("", record.failureReason());
        assertEquals(intake.metadata(), record.metadata());
        assertEquals(intake.original(), record.original());
        assertEquals(NOW, record.updatedAt());
        DocumentVersion version = record.versions().get(0);
        assertEquals(1, record.versions().size());
        assertEquals(1, version.number());
        assertEquals(NOW, version.createdAt());
        assertEquals("pipeline", version.createdBy());
        assertEquals("extract", version.source());
        assertEquals(Fixtures.NOTE, version.text());
        assertEquals(List.of(new Page(1, Fixtures.NOTE, false, null)), version.pages());
        assertEquals(List.of("chief_complaint", "assessment", "plan"),
                version.annotation().sections().stream().map(Section::type).toList());
        assertEquals(Optional.empty(), pipeline.inFlightState(intake.id()));
    }

    @Test
    void aPdfDraftKeepsItsPages() {
        IntakeRecord intake = accepted(Fixtures.pdf("HISTORY: cough.", "PLAN: rest."), DocumentFormats.PDF);
        pipeline.handle(extract(intake));
        DocumentVersion version = store.get(intake.id()).orElseThrow().latest().orElseThrow();
        assertEquals(List.of(new Page(1, "HISTORY: cough.", false, null), new Page(2, "PLAN: rest.", false, null)),
                version.pages());
        assertEquals(2, version.annotation().sections().size());
    }

    @Test
    void corruptContentIsRecordedAsFailedWithTheReason() {
        IntakeRecord intake = accepted(Fixtures.text("%PDF-1.4\ngarbage"), DocumentFormats.PDF);
        pipeline.handle(extract(intake));
        DocumentRecord record = store.get(intake.id()).orElseThrow();
        assertEquals(DocumentState.FAILED, record.state());
        assertEquals("the document (application/pdf) could not be read: the file is corrupt or damaged",
                record.failureReason());
        assertEquals(List.of(), record.versions());
        assertEquals(intake.metadata(), record.metadata());
    }

    @Test
    void aDocumentWithoutAnyTextFailsWithAHintAboutOcr() {
        IntakeRecord intake = accepted(Fixtures.text(" \n\t\n "), DocumentFormats.PLAIN_TEXT);
        pipeline.handle(extract(intake));
        DocumentRecord record = store.get(intake.id()).orElseThrow();
        assertEquals(DocumentState.FAILED, record.state());
        assertEquals(Pipeline.NO_TEXT, record.failureReason());
    }

    @Test
    void aTypeNoExtractorReadsFails() {
        IntakeRecord intake = accepted(Fixtures.png(), "image/png");
        pipeline.handle(extract(intake));
        assertEquals("no text extractor is configured for image/png",
                store.get(intake.id()).orElseThrow().failureReason());
    }

    @Test
    void aRedeliveredItemForASettledDocumentDoesNothing() {
        IntakeRecord drafted = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        IntakeRecord failed = accepted(Fixtures.text("%PDF-1.4\ngarbage"), DocumentFormats.PDF);
        pipeline.handle(extract(drafted));
        pipeline.handle(extract(failed));
        DocumentRecord draft = store.get(drafted.id()).orElseThrow();
        assertEquals(2, store.puts.get());

        pipeline.handle(extract(drafted));
        pipeline.handle(extract(failed));

        assertEquals(2, store.puts.get(), "nothing stored again");
        assertEquals(draft, store.get(drafted.id()).orElseThrow());
    }

    @Test
    void whileADocumentIsProcessedItIsReportedAsProcessingAndRedeliveriesAreIgnored() throws Exception {
        CountDownLatch annotating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ClinicalAnnotator slow = text -> {
            annotating.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Annotation.EMPTY;
        };
        Pipeline slowPipeline = pipeline(slow);
        IntakeRecord intake = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        assertEquals(DocumentState.RECEIVED, slowPipeline.status(intake.id()).state());

        CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> slowPipeline.handle(extract(intake)));
        assertTrue(annotating.await(10, TimeUnit.SECONDS));
        assertEquals(Optional.of(DocumentState.PROCESSING), slowPipeline.inFlightState(intake.id()));
        DocumentRecord processing = slowPipeline.status(intake.id());
        assertEquals(DocumentState.PROCESSING, processing.state());
        assertEquals(List.of(), processing.versions());

        slowPipeline.handle(extract(intake)); // a redelivery meanwhile returns at once
        release.countDown();
        worker.get(10, TimeUnit.SECONDS);

        assertEquals(1, store.puts.get());
        assertEquals(DocumentState.DRAFT, slowPipeline.status(intake.id()).state());
        assertEquals(Optional.empty(), slowPipeline.inFlightState(intake.id()));
    }

    @Test
    void storageFailuresPropagateSoTheQueueRetries() {
        IntakeRecord intake = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        store.failWith(new UncheckedIOException(new java.io.IOException("disk full")));
        assertThrows(UncheckedIOException.class, () -> pipeline.handle(extract(intake)));
        assertEquals(Optional.empty(), pipeline.inFlightState(intake.id()));

        store.failWith(null);
        pipeline.handle(extract(intake));
        assertEquals(DocumentState.DRAFT, store.state(intake.id()).orElseThrow());
    }

    @Test
    void itemsWithoutAnAcceptedOriginalAreDropped() {
        pipeline.handle(new WorkItem(DocumentId.random(), 1, Stage.EXTRACT));
        assertEquals(0, store.puts.get());
    }

    @Test
    void anItemRoutedToAStageThatCannotReadItsTypeIsReadWhereTheTypeIsRead() {
        IntakeRecord intake = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        pipeline.handle(new WorkItem(intake.id(), 1, Stage.ASR));
        DocumentRecord record = store.get(intake.id()).orElseThrow();
        assertEquals(DocumentState.DRAFT, record.state());
        assertEquals("extract", record.latest().orElseThrow().source());
        pipeline.handle(new WorkItem(intake.id(), 1, Stage.OCR));
        assertEquals(1, store.puts.get(), "a settled document is not processed again");
    }

    @Test
    void statusOfADocumentAcrossIntakePipelineAndStore() {
        DocumentId unknown = DocumentId.random();
        NotFoundException e = assertThrows(NotFoundException.class, () -> pipeline.status(unknown));
        assertEquals("no document with id " + unknown, e.getMessage());

        IntakeRecord intake = accepted(Fixtures.text(Fixtures.NOTE), DocumentFormats.PLAIN_TEXT);
        DocumentRecord received = pipeline.status(intake.id());
        assertEquals(DocumentRecord.pending(intake, DocumentState.RECEIVED), received);

        pipeline.handle(extract(intake));
        assertEquals(store.get(intake.id()).orElseThrow(), pipeline.status(intake.id()));
    }
}
