package org.chartroom.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.commons.io.output.NullOutputStream;
import org.chartroom.api.support.CodeRelease;
import org.chartroom.core.document.CodeDecision;
import org.chartroom.core.document.CodeReview;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.ReviewedCode;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PreconditionFailedException;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.core.text.TextSpan;
import org.chartroom.indexer.LuceneDocumentStore;
import org.chartroom.nlp.codes.CodeIndex;
import org.chartroom.nlp.codes.CodeIndexBuilder;
import org.chartroom.nlp.codes.Icd10cmRelease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coders' reviews on a real Lucene store, added codes checked against a real (small) ICD-10-CM code index. */
class CodeReviewsTest {
    private static final String TEXT = "ASSESSMENT: Type 2 diabetes mellitus. Essential hypertension.";
    private static final Annotation SUGGESTED = new Annotation(List.of(), List.of(), List.of(), List.of(
            new CodeSuggestion("E11.9", "Type 2 diabetes mellitus without complications", 0.9,
                    List.of(new TextSpan(12, 36))),
            new CodeSuggestion("I10", "Essential (primary) hypertension", 0.8, List.of(new TextSpan(38, 60)))));
    private static CodeIndex index;

    @TempDir
    Path dir;
    private LuceneDocumentStore store;
    private CodeReviews reviews;

    @BeforeAll
    static void codeIndex(@TempDir Path release) {
        Path folder = release.resolve("release");
        try {
            CodeRelease.write(folder, List.of(
                    CodeRelease.Code.header("E11", "Type 2 diabetes mellitus"),
                    CodeRelease.Code.billable("E1165", "Type 2 diabetes mellitus with hyperglycemia"),
                    CodeRelease.Code.billable("E119", "Type 2 diabetes mellitus without complications"),
                    CodeRelease.Code.billable("I10", "Essential (primary) hypertension"),
                    CodeRelease.Code.billable("Z7984", "Long term (current) use of oral hypoglycemic drugs")),
                    "1,D,0,\"Diabetes, diabetic\",,,(mellitus),E11.9\n", null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CodeIndexBuilder.build(new Icd10cmRelease(folder), release.resolve("codes"),
                new PrintStream(NullOutputStream.INSTANCE));
        index = CodeIndex.open(release.resolve("codes"));
    }

    @BeforeEach
    void open() {
        store = StoredNotes.open(dir);
        reviews = new CodeReviews(store, () -> Optional.of(index),
                Clock.fixed(StoredNotes.T0.plusSeconds(7200), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private DocumentRecord stored(int n, DocumentState state) {
        DocumentRecord record = StoredNotes.note(n, state, TEXT, SUGGESTED);
        store.put(record);
        return record;
    }

    private static CodeReviews.Decision decide(String code, String decision, String reason) {
        return new CodeReviews.Decision(code, decision, reason);
    }

    private static final List<CodeReviews.Decision> FINAL = List.of(decide("E11.9", "accepted", null),
            decide("I10", "rejected", "blood pressure normal on treatment"), decide("z7984", "added", "on metformin"));

    private long hits(String query) {
        return StoredNotes.hits(store, query);
    }

    @Test
    void theCodersFinalCodeSetIsKeptWithWhoAndWhenAndIsSearchable() {
        DocumentRecord record = stored(1, DocumentState.SIGNED);
        Change done = reviews.review(record.id(), 1, "coder", FINAL);

        assertTrue(done.changed());
        CodeReview review = done.record().latestReview().orElseThrow();
        assertEquals(1, review.version());
        assertEquals("coder", review.reviewedBy());
        assertEquals(StoredNotes.T0.plusSeconds(7200), review.reviewedAt());
        assertTrue(review.checkedAgainstIndex());
        assertEquals(List.of(
                new ReviewedCode("E11.9", "Type 2 diabetes mellitus without complications", CodeDecision.ACCEPTED, ""),
                new ReviewedCode("I10", "Essential (primary) hypertension", CodeDecision.REJECTED,
                        "blood pressure normal on treatment"),
                new ReviewedCode("Z79.84", "Long term (current) use of oral hypoglycemic drugs", CodeDecision.ADDED,
                        "on metformin")), review.codes());
        assertEquals(List.of("E11.9", "Z79.84"), review.finalCodes());
        assertEquals(DocumentState.SIGNED, done.record().state(), "a review does not change the state");

        assertEquals(1, hits("final_code:Z79.84 AND review:reviewed"), "searchable when review returns");
        assertEquals(0, hits("final_code:I10"), "a rejected code is not a final code");
    }

    @Test
    void theSameDecisionsAgainChangeNothingAndNewOnesReplaceThem() {
        DocumentRecord record = stored(2, DocumentState.AMENDED);
        reviews.review(record.id(), 1, "coder", FINAL);
        Change again = reviews.review(record.id(), 1, "him", List.of(FINAL.get(2), FINAL.get(0), FINAL.get(1)));
        assertFalse(again.changed());
        assertEquals(1, again.record().codeReviews().size());
        assertEquals("coder", again.record().latestReview().orElseThrow().reviewedBy());

        Change revised = reviews.review(record.id(), 1, "him", List.of(decide("E11.9", "accepted", null),
                decide("I10", "accepted", null)));
        assertTrue(revised.changed());
        assertEquals(2, revised.record().codeReviews().size(), "the earlier review stays on record");
        assertEquals(List.of("E11.9", "I10"), revised.record().latestReview().orElseThrow().finalCodes());
        assertEquals(1, hits("final_code:I10"));
        assertEquals(0, hits("final_code:Z79.84"), "the index follows the review that stands");
    }

    @Test
    void unknownAndNonBillableCodesAreRefusedNamingThem() {
        DocumentRecord record = stored(3, DocumentState.SIGNED);
        UnprocessableContentException unknown = assertThrows(UnprocessableContentException.class,
                () -> reviews.review(record.id(), 1, "coder", List.of(FINAL.get(0), FINAL.get(1),
                        decide("E78.5", "added", null))));
        assertTrue(unknown.getMessage().contains("E78.5 is not in the ICD-10-CM code index"), unknown.getMessage());
        assertFalse(unknown.logMessage().contains("E78.5"), "codes stay out of the application log");
        UnprocessableContentException header = assertThrows(UnprocessableContentException.class,
                () -> reviews.review(record.id(), 1, "coder", List.of(FINAL.get(0), FINAL.get(1),
                        decide("E11", "added", null))));
        assertTrue(header.getMessage().contains("E11 is a category, not a billable code")
                && header.getMessage().contains("E11.65, E11.9"), header.getMessage());
        UnprocessableContentException malformed = assertThrows(UnprocessableContentException.class,
                () -> reviews.review(record.id(), 1, "coder", List.of(decide("diabetes", "added", null))));
        assertTrue(malformed.getMessage().contains("'diabetes' is not an ICD-10-CM code"), malformed.getMessage());
        assertTrue(store.get(record.id()).orElseThrow().codeReviews().isEmpty(), "nothing stored by a refusal");
    }

    @Test
    void everySuggestionIsDecidedOnceAndOnlySuggestionsAreAcceptedOrRejected() {
        DocumentRecord record = stored(4, DocumentState.SIGNED);
        UnprocessableContentException undecided = assertThrows(UnprocessableContentException.class,
                () -> reviews.review(record.id(), 1, "coder", List.of(FINAL.get(0))));
        assertTrue(undecided.getMessage().contains("accept or reject I10"), undecided.getMessage());
        UnprocessableContentException notSuggested = assertThrows(UnprocessableContentException.class,
                () -> reviews.review(record.id(), 1, "coder", List.of(FINAL.get(0), FINAL.get(1),
                        decide("Z79.84", "accepted", null))));
        assertTrue(notSuggested.getMessage().contains("send it as \"added\""), notSuggested.getMessage());
        assertThrows(UnprocessableContentException.class, () -> reviews.review(record.id(), 1, "coder",
                List.of(FINAL.get(1), decide("E11.9", "added", null))), "a suggestion is accepted, not added");
        assertThrows(InvalidInputException.class, () -> reviews.review(record.id(), 1, "coder",
                List.of(FINAL.get(0), FINAL.get(1), decide("e11.9", "rejected", null))), "listed twice");
        assertThrows(InvalidInputException.class, () -> reviews.review(record.id(), 1, "coder",
                List.of(decide("E11.9", "maybe", null), FINAL.get(1))));
    }

    @Test
    void codesAreReviewedOnSignedDocumentsAtTheirLatestVersion() {
        DocumentRecord pending = stored(5, DocumentState.PENDING_SIGNATURE);
        ConflictException unsigned = assertThrows(ConflictException.class,
                () -> reviews.review(pending.id(), 1, "coder", FINAL));
        assertTrue(unsigned.getMessage().contains("once the author has signed"), unsigned.getMessage());
        assertFalse(unsigned instanceof PreconditionFailedException);
        DocumentRecord signed = stored(6, DocumentState.SIGNED);
        assertThrows(PreconditionFailedException.class, () -> reviews.review(signed.id(), 2, "coder", FINAL));
    }

    @Test
    void withoutACodeIndexOnlyTheFormOfAddedCodesIsCheckedAndTheReviewSaysSo() {
        CodeReviews unchecked = new CodeReviews(store, Optional::empty, Clock.systemUTC());
        DocumentRecord record = stored(7, DocumentState.SIGNED);
        CodeReview review = unchecked.review(record.id(), 1, "coder", List.of(FINAL.get(0), FINAL.get(1),
                decide("E78.5", "added", null))).record().latestReview().orElseThrow();
        assertFalse(review.checkedAgainstIndex());
        assertEquals("", review.codes().get(2).description());
        assertThrows(UnprocessableContentException.class, () -> unchecked.review(record.id(), 1, "coder",
                List.of(FINAL.get(0), FINAL.get(1), decide("E7", "added", null))));
    }
}
