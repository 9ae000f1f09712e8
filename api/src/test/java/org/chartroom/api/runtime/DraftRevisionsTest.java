package org.chartroom.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.Original;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PreconditionFailedException;
import org.chartroom.core.text.Page;
import org.chartroom.core.text.SpokenWord;
import org.chartroom.core.text.Transcription;
import org.chartroom.indexer.LuceneDocumentStore;
import org.chartroom.nlp.ClinicalNoteAnnotator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrections and the hand-over for signature on a real Lucene store with the real clinical annotator. */
class DraftRevisionsTest {
    private static final Instant T0 = Instant.parse("2026-03-14T09:00:00Z");
    private static final String DRAFT = "CHIEF COMPLAINT: Cough and fever.\n\nPLAN: Rest and fluids.";
    private static final ClinicalNoteAnnotator annotator = StoredNotes.annotator();

    @TempDir
    Path dir;
    private LuceneDocumentStore store;
    private DraftRevisions drafts;

    @BeforeEach
    void open() {
        store = StoredNotes.open(dir);
        drafts = new DraftRevisions(store, annotator, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A dictation as the pipeline stores it: version 1 with its transcription. */
    private DocumentRecord dictated(int n, DocumentState state) {
        Transcription heard = new Transcription("pocketsphinx", "chief complaint colon cough and fever period",
                List.of(new SpokenWord("chief", 0.1, 0.4, 0.9, false)), 4.2);
        DocumentVersion v1 = new DocumentVersion(1, T0, "pipeline", "extract", DRAFT,
                List.of(new Page(1, DRAFT, false, null)), annotator.annotate(DRAFT), heard);
        DocumentRecord record = new DocumentRecord(new DocumentId(String.format("00000000-0000-4000-8000-%012d", n)),
                new DocumentMetadata("MRN-" + n, "Test Patient", "", DocumentType.CONSULTATION, "Dr. Test",
                        LocalDate.of(2026, 3, 14), ""),
                new Original("d.wav", "audio/vnd.wave", 1000, "ab".repeat(32), T0, "dr.test"), state, "",
                List.of(v1), T0);
        store.put(record);
        return record;
    }

    private long hits(String query) {
        return StoredNotes.hits(store, query);
    }

    @Test
    void aCorrectionIsANewVersionWithWhoAndWhenAnnotatedIndexedAndCommitted() throws Exception {
        DocumentRecord record = dictated(1, DocumentState.DRAFT);
        String corrected = "CHIEF COMPLAINT: Cough.\n\nMEDICATIONS: Acetaminophen.\n\nPLAN: Rest and fluids.";
        Change saved = drafts.correct(record.id(), 1, corrected, "tina");

        assertTrue(saved.changed());
        assertEquals(DocumentState.DRAFT, saved.record().state());
        DocumentVersion v2 = saved.record().latest().orElseThrow();
        assertEquals(2, v2.number());
        assertEquals("tina", v2.createdBy());
        assertEquals(DocumentVersion.EDIT, v2.source());
        assertEquals(T0.plusSeconds(60), v2.createdAt());
        assertEquals(corrected, v2.text());
        assertNull(v2.transcription(), "a person's text has no timings of its own");
        assertTrue(v2.annotation().sections().stream().anyMatch(s -> s.type().equals("medications")),
                v2.annotation().sections().toString());
        DocumentVersion v1 = saved.record().versions().get(0);
        assertEquals(DRAFT, v1.text());
        assertEquals("pocketsphinx", v1.transcription().engine(), "the transcription stays with version 1");

        assertEquals(1, hits("acetaminophen"), "searchable when correct returns");
        assertEquals(1, hits("section_medications:acetaminophen"));
        assertEquals(0, hits("fever"), "the old text is not searched");
        try (DirectoryReader committed = DirectoryReader.open(FSDirectory.open(dir))) {
            assertEquals(1, new IndexSearcher(committed).count(new TermQuery(new Term("text", "acetaminophen"))),
                    "durable when correct returns");
        }
    }

    @Test
    void aCorrectionMadeToAnOlderVersionIsRefusedAndChangesNothing() {
        DocumentRecord record = dictated(2, DocumentState.DRAFT);
        drafts.correct(record.id(), 1, "PLAN: Rest.", "tina");
        PreconditionFailedException e = assertThrows(PreconditionFailedException.class,
                () -> drafts.correct(record.id(), 1, "PLAN: Fluids.", "someone"));
        assertTrue(e.getMessage().contains("version 2 was saved by tina"), e.getMessage());
        assertEquals(2, store.get(record.id()).orElseThrow().versions().size());
        assertEquals("PLAN: Rest.", store.get(record.id()).orElseThrow().latest().orElseThrow().text());
    }

    @Test
    void anUnchangedTextAddsNoVersion() {
        DocumentRecord record = dictated(3, DocumentState.DRAFT);
        Change saved = drafts.correct(record.id(), 1, DRAFT, "tina");
        assertFalse(saved.changed());
        assertEquals(1, saved.record().versions().size());
    }

    @Test
    void blankTextIsInvalidAndOnlyDraftsChange() {
        DocumentRecord draft = dictated(4, DocumentState.DRAFT);
        assertThrows(InvalidInputException.class, () -> drafts.correct(draft.id(), 1, " \n", "tina"));
        DocumentRecord pending = dictated(5, DocumentState.PENDING_SIGNATURE);
        ConflictException e = assertThrows(ConflictException.class,
                () -> drafts.correct(pending.id(), 1, "PLAN: Rest.", "tina"));
        assertTrue(e.getMessage().contains("pending_signature"), e.getMessage());
        ConflictException processing = assertThrows(ConflictException.class, () -> drafts.correct(
                new DocumentId("00000000-0000-4000-8000-000000000099"), 1, "PLAN: Rest.", "tina"));
        assertTrue(processing.getMessage().contains("still being processed"), processing.getMessage());
    }

    @Test
    void readyForSignatureMovesADraftOnceAndRespectsTheVersionItWasReviewedAt() {
        DocumentRecord record = dictated(6, DocumentState.DRAFT);
        drafts.correct(record.id(), 1, "PLAN: Rest.", "tina");
        assertThrows(PreconditionFailedException.class,
                () -> drafts.readyForSignature(record.id(), OptionalInt.of(1)));
        DocumentRecord moved = drafts.readyForSignature(record.id(), OptionalInt.of(2));
        assertEquals(DocumentState.PENDING_SIGNATURE, moved.state());
        assertEquals(2, moved.versions().size());
        assertEquals(1, hits("status:pending_signature"));
        assertThrows(ConflictException.class, () -> drafts.readyForSignature(record.id(), OptionalInt.empty()));
        assertThrows(ConflictException.class, () -> drafts.correct(record.id(), 2, "PLAN: Later.", "tina"));
    }

    @Test
    void ofConcurrentCorrectionsOfOneVersionExactlyOneIsSaved() throws Exception {
        DocumentRecord record = dictated(7, DocumentState.DRAFT);
        int saved = Race.winners(6, i -> {
            try {
                return drafts.correct(record.id(), 1, "PLAN: Option " + i + ".", "writer").changed();
            } catch (PreconditionFailedException e) {
                return false;
            }
        });
        assertEquals(1, saved);
        assertEquals(2, store.get(record.id()).orElseThrow().versions().size());
    }
}
