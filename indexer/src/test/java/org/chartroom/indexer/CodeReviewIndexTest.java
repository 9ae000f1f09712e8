package org.chartroom.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.chartroom.core.document.CodeDecision;
import org.chartroom.core.document.CodeReview;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.document.ReviewStatus;
import org.chartroom.core.document.ReviewedCode;
import org.chartroom.core.search.FacetCount;
import org.chartroom.core.search.SearchQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coders' reviews in the index: the final codes are searchable, the review status is a field, a filter and a facet. */
class CodeReviewIndexTest {
    @TempDir
    static Path dir;
    static LuceneDocumentStore store;

    private static CodeReview review(int version, ReviewedCode... codes) {
        return new CodeReview(version, "coder", Notes.T0.plusSeconds(600), List.of(codes), true);
    }

    private static DocumentRecord signed(int n, String text) {
        return Notes.note(n, "MRN" + n, "Pat Example", DocumentType.PROGRESS_NOTE, "dr.test", LocalDate.of(2024, 5, 1),
                DocumentState.SIGNED, text);
    }

    @BeforeAll
    static void corpus() {
        store = LuceneDocumentStore.open(dir, StoreSettings.defaults().withRefreshInterval(Duration.ofHours(1)));
        store.put(signed(1, "ASSESSMENT: diabetes, hypertension."));
        store.put(signed(2, "ASSESSMENT: diabetes, hypertension.").withCodeReview(review(1,
                new ReviewedCode("E11.9", "Type 2 diabetes mellitus without complications", CodeDecision.ACCEPTED, ""),
                new ReviewedCode("I10", "Essential (primary) hypertension", CodeDecision.REJECTED, "not established"),
                new ReviewedCode("Z79.84", "Long term (current) use of oral hypoglycemic drugs", CodeDecision.ADDED,
                        "on metformin")), Notes.T0));
        DocumentRecord amended = signed(3, "ASSESSMENT: hypertension.").withCodeReview(review(1,
                new ReviewedCode("I10", "Essential (primary) hypertension", CodeDecision.ACCEPTED, "")), Notes.T0);
        store.put(amended.withVersion(Notes.version(2, "ASSESSMENT: hypertension.\nADDENDUM: renal function normal."),
                DocumentState.AMENDED, Notes.T0));
        store.put(Notes.failed(4, "MRN4", "Pat Example", DocumentType.PROGRESS_NOTE, "dr.test",
                LocalDate.of(2024, 5, 1)));
        store.put(Notes.note(5, "MRN5", "Pat Example", DocumentType.PROGRESS_NOTE, "dr.test", LocalDate.of(2024, 5, 1),
                DocumentState.DRAFT, "ASSESSMENT: diabetes."));
        store.refresh();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static long hits(String query, ReviewStatus review) {
        return store.search(new SearchQuery(query, null, null, null, null, null, null, null, 0, 10, false, false,
                review)).total();
    }

    @Test
    void theFinalCodesOfTheReviewThatStandsAreSearchable() {
        assertEquals(1, hits("final_code:E11.9", null));
        assertEquals(1, hits("final_code:Z79.84", null), "a code added by hand");
        assertEquals(1, hits("final_code:I10", null), "accepted on the amended note; rejected on the other");
        assertEquals(2, hits("final_code:E11* OR final_code:I1*", null));
        assertEquals(0, hits("final_code:e11.9", null), "codes are keywords, written as the code index writes them");
    }

    @Test
    void theReviewStatusIsAFieldAFilterAndAFacet() {
        assertEquals(1, hits("review:unreviewed", null));
        assertEquals(1, hits("", ReviewStatus.REVIEWED));
        assertEquals(1, hits("hypertension", ReviewStatus.OUTDATED), "reviewed for version 1, amended since");
        assertEquals(0, hits("final_code:I10", ReviewStatus.REVIEWED));
        List<FacetCount> facet = store.search(new SearchQuery("", null, null, null, null, null, null, null, 0, 10,
                false, true)).facets().get("review");
        assertEquals(List.of(new FacetCount("outdated", 1), new FacetCount("reviewed", 1),
                new FacetCount("unreviewed", 1)), facet.stream().sorted(java.util.Comparator.comparing(
                FacetCount::value)).toList(), "a draft and a failed note are not for coding: no review status");
    }
}
