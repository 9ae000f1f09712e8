package org.chartroom.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The record's life after the pipeline: every change keeps what people did before it. */
class DocumentRecordTest {
    private static final Instant T = Instant.parse("2026-03-15T10:00:00Z");

    private static DocumentRecord draft() {
        return new DocumentRecord(new DocumentId("00000000-0000-4000-8000-000000000001"),
                new DocumentMetadata("MRN-1", "Test Patient", "", DocumentType.CONSULTATION, "Dr. Osler",
                        LocalDate.of(2026, 3, 14), ""),
                new Original("n.txt", "text/plain", 10, "ab".repeat(32), T, "him"), DocumentState.DRAFT, "",
                List.of(SignatureTest.version(1, "PLAN: Rest.")), T);
    }

    @Test
    void aRecordWithoutSignaturesAddendaOrReviewsHasEmptyLists() {
        DocumentRecord r = new DocumentRecord(draft().id(), draft().metadata(), draft().original(),
                DocumentState.DRAFT, null, draft().versions(), T, null, null, null);
        assertEquals(List.of(), r.signatures());
        assertEquals(List.of(), r.addenda());
        assertEquals(List.of(), r.codeReviews());
        assertEquals(Optional.empty(), r.latestReview());
        assertEquals(Optional.empty(), ReviewStatus.of(r), "a draft is not coded yet");
    }

    @Test
    void signingAmendingAndReviewingKeepEverythingBefore() {
        DocumentRecord r = draft();
        DocumentVersion v1 = r.latest().orElseThrow();
        Signature first = Signature.of(v1, "osler", "Dr. Osler", T, "I attest.");
        r = r.withState(DocumentState.PENDING_SIGNATURE, T).withSignature(first, DocumentState.SIGNED, T);
        assertEquals(DocumentState.SIGNED, r.state());
        assertTrue(r.state().isSigned());
        assertEquals(Optional.of(first), r.signatureOf(1));
        assertEquals(Optional.of(ReviewStatus.UNREVIEWED), ReviewStatus.of(r), "signed: waiting for a coder");

        CodeReview review = new CodeReview(1, "coder", T, List.of(new ReviewedCode("R05.9", "Cough, unspecified",
                CodeDecision.ADDED, "")), true);
        r = r.withCodeReview(review, T);
        assertEquals(Optional.of(ReviewStatus.REVIEWED), ReviewStatus.of(r));

        DocumentVersion v2 = SignatureTest.version(2, "PLAN: Rest.\n\nADDENDUM: fever resolved.");
        Signature second = Signature.of(v2, "osler", "Dr. Osler", T, "I attest.");
        r = r.withAddendum(v2, new Addendum(2, "osler", "Dr. Osler", T, "follow-up call", 11), second, T);
        assertEquals(DocumentState.AMENDED, r.state());
        assertEquals(List.of(first, second), r.signatures());
        assertEquals(2, r.versions().size());
        assertEquals("PLAN: Rest.", r.version(1).orElseThrow().text(), "the signed version stays readable");
        assertEquals(Optional.of(review), r.latestReview(), "the review stays, for the version it was made for");
        assertEquals(Optional.of(ReviewStatus.OUTDATED), ReviewStatus.of(r));
        assertEquals("follow-up call", r.addendumOf(2).orElseThrow().reason());
        assertTrue(r.addendumOf(1).isEmpty());
        assertTrue(DocumentState.AMENDED.isSigned() && !DocumentState.PENDING_SIGNATURE.isSigned());
    }

    @Test
    void aRecordWithoutTextHasNoReviewStatus() {
        DocumentRecord processing = new DocumentRecord(draft().id(), draft().metadata(), draft().original(),
                DocumentState.PROCESSING, "", List.of(), T);
        assertEquals(Optional.empty(), ReviewStatus.of(processing));
        assertEquals(ReviewStatus.OUTDATED, ReviewStatus.parse(" Outdated"));
    }
}
