package org.chartroom.ingest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tika.config.TikaConfig;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.pipeline.TextExtractor;
import org.chartroom.ingest.extract.ExtractSettings;
import org.chartroom.ingest.extract.TikaTextExtractor;
import org.chartroom.ingest.format.MediaTypeSniffer;
import org.chartroom.ingest.intake.IntakeService;
import org.chartroom.ingest.intake.IntakeSettings;
import org.chartroom.ingest.intake.OriginalStore;
import org.chartroom.ingest.queue.EmbeddedWorkQueue;
import org.chartroom.ingest.testing.Fixtures;
import org.chartroom.ingest.testing.InMemoryDocumentStore;
import org.chartroom.ingest.testing.SectionHeaderAnnotator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded pieces wired as the api module will wire them, including a restart after a crash. */
class EmbeddedPipelineTest {
    @TempDir
    Path data;

    /** One process lifetime: open everything, recover, run {@code uploads}, wait, shut down in order. */
    private Map<DocumentId, DocumentState> run(InMemoryDocumentStore store, TikaConfig tika, List<byte[]> uploads)
            throws InterruptedException {
        PipelineSettings settings = PipelineSettings.defaults().withWorkers(2)
                .withCommitInterval(Duration.ofMillis(50));
        try (OriginalStore originals = OriginalStore.open(data.resolve("originals"))) {
            List<TextExtractor> extractors = List.of(new TikaTextExtractor(tika,
                    ExtractSettings.defaults().withTempDirectory(originals.scratchDirectory())));
            EmbeddedWorkQueue queue = new EmbeddedWorkQueue(settings);
            PeriodicCommitter committer = new PeriodicCommitter(store, settings.commitInterval());
            Pipeline pipeline = new Pipeline(originals, extractors, new SectionHeaderAnnotator(), store);
            queue.start(pipeline);
            new Recovery(originals, store, queue).resubmitUnfinished();
            IntakeService intake = new IntakeService(originals, new MediaTypeSniffer(tika),
                    IntakeService.readableBy(extractors), queue, IntakeSettings.defaults(), Clock.systemUTC());
            for (byte[] upload : uploads) {
                IntakeRecord record = intake.accept(Fixtures.metadata(), "upload", "dr.test",
                        new ByteArrayInputStream(upload));
                assertTrue(originals.find(record.id()).isPresent());
            }
            assertTrue(queue.awaitIdle(Duration.ofSeconds(60)));
            queue.close();
            committer.close();
            return store.records.values().stream().collect(Collectors.toMap(r -> r.id(), r -> r.state()));
        }
    }

    @Test
    void uploadsBecomeDraftsAndWorkLostInACrashIsRedoneAtTheNextStart() throws Exception {
        TikaConfig tika = TikaConfig.getDefaultConfig();
        InMemoryDocumentStore firstRun = new InMemoryDocumentStore();
        Map<DocumentId, DocumentState> states = run(firstRun, tika, List.of(
                Fixtures.text(Fixtures.NOTE),
                Fixtures.pdf("HISTORY: cough.", "PLAN: rest."),
                Fixtures.docx("ASSESSMENT: stable."),
                Fixtures.odt("PLAN: home."),
                Fixtures.rtf(),
                Fixtures.html(),
                Fixtures.oleWordContainer()));
        assertEquals(7, states.size());
        assertEquals(6, states.values().stream().filter(DocumentState.DRAFT::equals).count());
        assertEquals(1, states.values().stream().filter(DocumentState.FAILED::equals).count(),
                "the empty Word container has no text");
        assertTrue(firstRun.commits.get() >= 1, "results were committed");

        // A crash before the store's commit loses every result; the originals survive. The next start redoes them.
        InMemoryDocumentStore afterCrash = new InMemoryDocumentStore();
        assertEquals(states, run(afterCrash, tika, List.of()));
    }
}
