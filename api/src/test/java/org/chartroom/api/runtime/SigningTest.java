package org.chartroom.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.Signature;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PreconditionFailedException;
import org.chartroom.core.text.Annotation;
import org.chartroom.indexer.LuceneDocumentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The author's signature on a real Lucene store: the state rule, the record kept, and what it freezes. */
class SigningTest {
    private static final String TEXT = "CHIEF COMPLAINT: Cough.\n\nPLAN: Rest and fluids.";
    private static final String ATTEST = "I have reviewed this document and attest that it is accurate.";
    private static final Signer OSLER = new Signer("osler", StoredNotes.AUTHOR);

    @TempDir
    Path dir;
    private LuceneDocumentStore store;
    private Signing signing;
    private DraftRevisions drafts;

    @BeforeEach
    void open() {
        store = StoredNotes.open(dir);
        Clock clock = Clock.fixed(StoredNotes.T0.plusSeconds(3600), ZoneOffset.UTC);
        signing = new Signing(store, clock);
        drafts = new DraftRevisions(store, StoredNotes.annotator(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private DocumentRecord stored(int n, DocumentState state) {
        DocumentRecord record = StoredNotes.note(n, state, TEXT, Annotation.EMPTY);
        store.put(record);
        return record;
    }

    private long hits(String query) {
        return StoredNotes.hits(store, query);
    }

    @Test
    void signingKeepsWhoWhenTheVersionTheTextsHashAndTheAttestation() {
        DocumentRecord record = stored(1, DocumentState.PENDING_SIGNATURE);
        Change signed = signing.sign(record.id(), 1, OSLER, ATTEST);

        assertTrue(signed.changed());
        assertEquals(DocumentState.SIGNED, signed.record().state());
        Signature s = signed.record().signatureOf(1).orElseThrow();
        assertEquals("osler", s.signedBy());
        assertEquals(StoredNotes.AUTHOR, s.signerName());
        assertEquals(StoredNotes.T0.plusSeconds(3600), s.signedAt());
        assertEquals(Signature.digest(TEXT), s.textSha256());
        assertEquals(ATTEST, s.attestation());
        assertEquals(DocumentState.SIGNED, store.get(record.id()).orElseThrow().state(), "stored");
        assertEquals(1, hits("status:signed"), "searchable when sign returns");
    }

    @Test
    void signingTwiceKeepsOneSignature() {
        DocumentRecord record = stored(2, DocumentState.PENDING_SIGNATURE);
        signing.sign(record.id(), 1, OSLER, ATTEST);
        Change again = signing.sign(record.id(), 1, OSLER, "another statement");
        assertFalse(again.changed());
        assertEquals(1, again.record().signatures().size());
        assertEquals(ATTEST, again.record().signatures().get(0).attestation());
    }

    @Test
    void onlyADocumentPendingSignatureIsSignedAndOnlyAtItsLatestVersion() {
        DocumentRecord draft = stored(3, DocumentState.DRAFT);
        ConflictException notYet = assertThrows(ConflictException.class,
                () -> signing.sign(draft.id(), 1, OSLER, ATTEST));
        assertTrue(notYet.getMessage().contains("ready-for-signature"), notYet.getMessage());
        assertFalse(notYet instanceof PreconditionFailedException);

        DocumentRecord pending = stored(4, DocumentState.PENDING_SIGNATURE);
        PreconditionFailedException stale = assertThrows(PreconditionFailedException.class,
                () -> signing.sign(pending.id(), 2, OSLER, ATTEST));
        assertTrue(stale.getMessage().contains("version 2 is not the latest"), stale.getMessage());
        assertThrows(InvalidInputException.class, () -> signing.sign(pending.id(), 1, OSLER, " "));
        assertTrue(store.get(pending.id()).orElseThrow().signatures().isEmpty(), "nothing stored by a refusal");
        assertThrows(ConflictException.class, () -> signing.sign(StoredNotes.id(99), 1, OSLER, ATTEST),
                "not stored yet: still being processed");
    }

    @Test
    void aSignedTextIsNotCorrectedAndTheRefusalSaysToAddAnAddendum() {
        DocumentRecord record = stored(5, DocumentState.PENDING_SIGNATURE);
        signing.sign(record.id(), 1, OSLER, ATTEST);
        ConflictException e = assertThrows(ConflictException.class,
                () -> drafts.correct(record.id(), 1, "PLAN: Something else.", "tina"));
        assertTrue(e.getMessage().contains("addendum") && e.getMessage().contains("/addenda"), e.getMessage());
        assertThrows(ConflictException.class,
                () -> drafts.readyForSignature(record.id(), java.util.OptionalInt.empty()));
        assertEquals(TEXT, store.get(record.id()).orElseThrow().latest().orElseThrow().text());
    }

    @Test
    void ofConcurrentSignaturesOfOneVersionOneIsKept() throws Exception {
        DocumentRecord record = stored(6, DocumentState.PENDING_SIGNATURE);
        int changed = Race.winners(4, i -> signing.sign(record.id(), 1, OSLER, ATTEST + " (" + i + ")").changed());
        assertEquals(1, changed);
        assertEquals(1, store.get(record.id()).orElseThrow().signatures().size());
    }
}
