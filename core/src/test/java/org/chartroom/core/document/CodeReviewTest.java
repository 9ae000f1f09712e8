package org.chartroom.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chartroom.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class CodeReviewTest {
    private static final Instant T = Instant.parse("2026-03-16T08:00:00Z");

    private static ReviewedCode code(String code, CodeDecision decision, String reason) {
        return new ReviewedCode(code, "", decision, reason);
    }

    @Test
    void theFinalCodesAreTheAcceptedAndAddedOnesInTheCodersOrder() {
        CodeReview review = new CodeReview(3, "coder", T, List.of(code("I10", CodeDecision.REJECTED, "not documented"),
                code("E11.9", CodeDecision.ACCEPTED, ""), code("Z79.84", CodeDecision.ADDED, "on metformin")), true);
        assertEquals(List.of("E11.9", "Z79.84"), review.finalCodes());
    }

    @Test
    void reviewsDecideAlikeWhenVersionDecisionsAndReasonsAgreeInAnyOrder() {
        ReviewedCode a = code("E11.9", CodeDecision.ACCEPTED, "");
        ReviewedCode b = code("I10", CodeDecision.REJECTED, "not documented");
        CodeReview review = new CodeReview(3, "coder", T, List.of(a, b), true);
        assertTrue(review.decidesAlike(new CodeReview(3, "him", T.plusSeconds(60), List.of(b, a), true)));
        assertFalse(review.decidesAlike(new CodeReview(4, "coder", T, List.of(a, b), true)), "another version");
        assertFalse(review.decidesAlike(new CodeReview(3, "coder", T, List.of(a,
                code("I10", CodeDecision.ACCEPTED, "")), true)), "another decision");
        assertFalse(review.decidesAlike(new CodeReview(3, "coder", T, List.of(a,
                code("I10", CodeDecision.REJECTED, "other reason")), true)), "another reason");
        assertFalse(review.decidesAlike(new CodeReview(3, "coder", T, List.of(a), true)), "a code less");
    }

    @Test
    void codesAreWrittenAsTheCodeIndexWritesThem() {
        assertEquals(Optional.of("E11.9"), ReviewedCode.canonical(" e119 "));
        assertEquals(Optional.of("S82.202A"), ReviewedCode.canonical("S82.202A"));
        assertEquals(Optional.of("I10"), ReviewedCode.canonical("i10"));
        assertEquals(Optional.of("E11"), ReviewedCode.canonical("E11"));
        for (String notACode : new String[] {null, "", "NOTACODE", "11.9", "E1", "E11.99999", "E11.9;DROP"}) {
            assertEquals(Optional.empty(), ReviewedCode.canonical(notACode), notACode);
        }
    }

    @Test
    void decisionsReadTheirWireFormOnly() {
        assertEquals(CodeDecision.ADDED, CodeDecision.parse(" Added "));
        assertTrue(CodeDecision.ACCEPTED.isFinal() && CodeDecision.ADDED.isFinal());
        assertFalse(CodeDecision.REJECTED.isFinal());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CodeDecision.parse("maybe"));
        assertTrue(e.getMessage().contains("accepted, rejected, added"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> CodeDecision.parse(null));
    }
}
