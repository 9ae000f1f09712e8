package org.chartroom.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.chartroom.core.document.Addendum;
import org.chartroom.core.document.CodeDecision;
import org.chartroom.core.document.CodeReview;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.ReviewStatus;
import org.chartroom.core.document.ReviewedCode;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PreconditionFailedException;
import org.chartroom.indexer.LuceneDocumentStore;
import org.chartroom.nlp.ClinicalNoteAnnotator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Addenda on a real Lucene store with the real clinical annotator. */
class AddendaTest {
    private static final String SIGNED = "CHIEF COMPLAINT: Cough.\n\nASSESSMENT: Bronchitis.\n\nPLAN: Rest and fluids.";
    private static final String ATTEST = "I attest that this addendum is accurate.";
    private static final Signer OSLER = new Signer("osler", StoredNotes.AUTHOR);
    private static final Instant NOW = StoredNotes.T0.plusSeconds(86_400);
    private static final ClinicalNoteAnnotator annotator = StoredNotes.annotator();

    @TempDir
    Path dir;
    private LuceneDocumentStore store;
    private Signing signing;
    private Addenda addenda;

    @BeforeEach
    void open() {
        store = StoredNotes.open(dir);
        Clock clock = Clock.fixed(NOW.plusMillis(250), ZoneOffset.UTC);
        signing = new Signing(store, clock);
        addenda = new Addenda(store, annotator, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private DocumentRecord stored(int n, DocumentState state) {
        DocumentRecord record = StoredNotes.note(n, state, SIGNED, annotator.annotate(SIGNED));
        store.put(record);
        return record;
    }

    private DocumentRecord signed(int n) {
        DocumentRecord record = stored(n, DocumentState.PENDING_SIGNATURE);
        signing.sign(record.id(), 1, OSLER, "I attest.");
        return store.get(record.id()).orElseThrow();
    }

    private long hits(String query) {
        return StoredNotes.hits(store, query);
    }

    @Test
    void anAddendumIsANewSignedVersionAfterTheUnchangedSignedText() {
        DocumentRecord record = signed(1);
        Change added = addenda.add(record.id(), 1, OSLER, "Sputum culture grew Haemophilus influenzae.\n",
                "culture result received", ATTEST);

        assertTrue(added.changed());
        DocumentRecord r = added.record();
        assertEquals(DocumentState.AMENDED, r.state());
        DocumentVersion v2 = r.latest().orElseThrow();
        assertEquals(2, v2.number());
        assertEquals(DocumentVersion.ADDENDUM, v2.source());
        assertEquals("osler", v2.createdBy());
        assertEquals(NOW, v2.createdAt(), "to the second, as the delimiter writes it");
        assertTrue(v2.text().startsWith(SIGNED + "\n\n----- ADDENDUM (version 2) -----\n"), v2.text());
        String block = v2.text().substring(SIGNED.length());
        for (String part : List.of("Author: Dr. Osler (osler)", "Date: 2026-03-15T09:00:00Z",
                "Reason: culture result received", "\nSputum culture grew Haemophilus influenzae.\n",
                "----- END OF ADDENDUM (version 2) -----\n")) {
            assertTrue(block.contains(part), part + " in: " + block);
        }
        Addendum addendum = r.addendumOf(2).orElseThrow();
        assertEquals(new Addendum(2, "osler", StoredNotes.AUTHOR, NOW, "culture result received", SIGNED.length()),
                addendum);
        assertTrue(r.signatureOf(2).orElseThrow().matches(v2), "the addendum is signed by its author");
        assertEquals(ATTEST, r.signatureOf(2).orElseThrow().attestation());
        assertEquals(SIGNED, r.version(1).orElseThrow().text(), "the signed version stays as signed");
        assertTrue(r.signatureOf(1).orElseThrow().matches(r.version(1).orElseThrow()));
        assertTrue(v2.annotation().sections().size() > r.version(1).orElseThrow().annotation().sections().size(),
                "annotated again: " + v2.annotation().sections());

        assertEquals(1, hits("haemophilus AND status:amended"), "search follows the latest version at once");
        assertEquals(1, hits("bronchitis"), "the signed text is part of it");
    }

    @Test
    void aRetriedAddendumAddsNothingAndAnotherOneMadeToAnOlderVersionIsRefused() {
        DocumentRecord record = signed(2);
        addenda.add(record.id(), 1, OSLER, "Culture negative.", "lab result", ATTEST);
        Change retry = addenda.add(record.id(), 1, OSLER, "Culture negative.", "lab result", ATTEST);
        assertFalse(retry.changed());
        assertEquals(2, retry.record().versions().size());

        PreconditionFailedException stale = assertThrows(PreconditionFailedException.class,
                () -> addenda.add(record.id(), 1, OSLER, "Culture positive.", "lab result", ATTEST));
        assertTrue(stale.getMessage().contains("version 1 is not the latest"), stale.getMessage());

        Change second = addenda.add(record.id(), 2, OSLER, "Chest x-ray clear.", "imaging result", ATTEST);
        DocumentVersion v3 = second.record().latest().orElseThrow();
        assertEquals(3, v3.number());
        assertTrue(v3.text().contains("Culture negative.") && v3.text().contains("Chest x-ray clear."), v3.text());
        assertEquals(second.record().version(2).orElseThrow().text().length(),
                second.record().addendumOf(3).orElseThrow().start());
        assertEquals(3, second.record().signatures().size());
    }

    @Test
    void addendaAreForSignedDocumentsAndNeedWordsAReasonAndAnAttestation() {
        DocumentRecord draft = stored(3, DocumentState.DRAFT);
        ConflictException toDraft = assertThrows(ConflictException.class,
                () -> addenda.add(draft.id(), 1, OSLER, "More.", "why", ATTEST));
        assertTrue(toDraft.getMessage().contains("PUT …/draft"), toDraft.getMessage());
        DocumentRecord pending = stored(4, DocumentState.PENDING_SIGNATURE);
        ConflictException toPending = assertThrows(ConflictException.class,
                () -> addenda.add(pending.id(), 1, OSLER, "More.", "why", ATTEST));
        assertTrue(toPending.getMessage().contains("sign it first"), toPending.getMessage());

        DocumentRecord record = signed(5);
        assertThrows(InvalidInputException.class, () -> addenda.add(record.id(), 1, OSLER, " ", "why", ATTEST));
        InvalidInputException noReason = assertThrows(InvalidInputException.class,
                () -> addenda.add(record.id(), 1, OSLER, "More.", null, ATTEST));
        assertTrue(noReason.getMessage().contains("\"reason\""), noReason.getMessage());
        assertThrows(InvalidInputException.class, () -> addenda.add(record.id(), 1, OSLER, "More.", "why", ""));
        assertThrows(PreconditionFailedException.class,
                () -> addenda.add(record.id(), 7, OSLER, "More.", "why", ATTEST));
        assertEquals(1, store.get(record.id()).orElseThrow().versions().size(), "nothing stored by a refusal");
    }

    @Test
    void aReviewMadeBeforeAnAddendumStaysAndIsShownOutOfDate() {
        DocumentRecord record = signed(6);
        CodeReview review = new CodeReview(1, "coder", NOW, List.of(new ReviewedCode("J40", "Bronchitis, not"
                + " specified as acute or chronic", CodeDecision.ADDED, "")), true);
        store.put(record.withCodeReview(review, NOW));
        DocumentRecord amended = addenda.add(record.id(), 1, OSLER, "Culture negative.", "lab result", ATTEST)
                .record();
        assertEquals(List.of(review), amended.codeReviews());
        assertEquals(ReviewStatus.OUTDATED, ReviewStatus.of(amended).orElseThrow());
        assertEquals(1, hits("review:outdated AND final_code:J40"));
    }

    @Test
    void ofConcurrentAddendaToOneVersionExactlyOneIsMade() throws Exception {
        DocumentRecord record = signed(7);
        int made = Race.winners(4, i -> {
            try {
                return addenda.add(record.id(), 1, OSLER, "Result " + i + ".", "lab result", ATTEST).changed();
            } catch (PreconditionFailedException e) {
                return false;
            }
        });
        assertEquals(1, made);
        DocumentRecord stored = store.get(record.id()).orElseThrow();
        assertEquals(2, stored.versions().size());
        assertEquals(2, stored.signatures().size());
        assertEquals(1, stored.addenda().size());
    }
}
