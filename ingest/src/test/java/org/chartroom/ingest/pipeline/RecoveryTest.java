package org.chartroom.ingest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.document.Original;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.ingest.intake.OriginalStore;
import org.chartroom.ingest.intake.StagedUpload;
import org.chartroom.ingest.testing.Fixtures;
import org.chartroom.ingest.testing.InMemoryDocumentStore;
import org.chartroom.ingest.testing.RecordingWorkQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    @TempDir
    Path data;

    private static IntakeRecord accept(OriginalStore originals) {
        try (StagedUpload staged = originals.stage(new ByteArrayInputStream(Fixtures.text("note")), 100)) {
            IntakeRecord record = new IntakeRecord(DocumentId.random(), Fixtures.metadata(), new Original("n",
                    "text/plain", staged.size(), staged.sha256(), Instant.now(), "dr.test"));
            originals.commit(staged, record);
            return record;
        }
    }

    @Test
    void exactlyTheDocumentsWithoutAStoredResultAreQueuedAgain() {
        InMemoryDocumentStore store = new InMemoryDocumentStore();
        RecordingWorkQueue queue = new RecordingWorkQueue();
        try (OriginalStore originals = OriginalStore.open(data.resolve("originals"))) {
            IntakeRecord drafted = accept(originals);
            IntakeRecord failed = accept(originals);
            IntakeRecord neverProcessed = accept(originals);
            IntakeRecord lostInACrash = accept(originals);
            store.put(DocumentRecord.pending(drafted, DocumentState.DRAFT));
            store.put(new DocumentRecord(failed.id(), failed.metadata(), failed.original(), DocumentState.FAILED,
                    "corrupt", List.of(), Instant.now()));

            int resubmitted = new Recovery(originals, store, queue).resubmitUnfinished();

            assertEquals(2, resubmitted);
            assertEquals(Set.of(new WorkItem(neverProcessed.id(), 1, Stage.EXTRACT),
                    new WorkItem(lostInACrash.id(), 1, Stage.EXTRACT)), Set.copyOf(queue.submitted));
            assertEquals(2, queue.submitted.size());
        }
    }

    @Test
    void anEmptyStoreHasNothingToRecover() {
        try (OriginalStore originals = OriginalStore.open(data.resolve("originals"))) {
            RecordingWorkQueue queue = new RecordingWorkQueue();
            assertEquals(0, new Recovery(originals, new InMemoryDocumentStore(), queue).resubmitUnfinished());
            assertEquals(List.of(), queue.submitted.stream().collect(Collectors.toList()));
        }
    }
}
