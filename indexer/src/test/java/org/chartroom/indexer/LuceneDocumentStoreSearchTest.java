package org.chartroom.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.search.FacetCount;
import org.chartroom.core.search.SearchHit;
import org.chartroom.core.search.SearchQuery;
import org.chartroom.core.search.SearchResult;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.KeyRing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search over a small known set of notes in a real on-disk index. */
class LuceneDocumentStoreSearchTest {
    // D1..D5: see corpus() for the content each test relies on.
    static final DocumentId D1 = Notes.id(1);
    static final DocumentId D2 = Notes.id(2);
    static final DocumentId D3 = Notes.id(3);
    static final DocumentId D4 = Notes.id(4);
    static final DocumentId D5 = Notes.id(5);

    @TempDir
    static Path dir;
    static LuceneDocumentStore store;

    @BeforeAll
    static void corpus() {
        // A long refresh interval: visibility in these tests comes from the explicit refresh only.
        // Search, highlights and facets over an encrypted index (the other store tests run on a plaintext one).
        store = LuceneDocumentStore.open(dir, StoreSettings.defaults().withRefreshInterval(Duration.ofHours(1))
                .withEncryption(Encryption.with(new KeyRing(KeyRing.newKey(), java.util.List.of(), "test"))));
        store.put(Notes.note(1, "MRN001", "Alice Walker", DocumentType.DISCHARGE_SUMMARY, "dr.house",
                LocalDate.of(2024, 1, 10), DocumentState.SIGNED,
                "HISTORY: Patient fell and has multiple rib fractures. No fever reported.\n"
                        + "MEDICATIONS: aspirin 81 mg daily, metoprolol.\n"
                        + "PLAN: follow up in clinic in two weeks."));
        store.put(Notes.note(2, "MRN002", "Bob Stone", DocumentType.PROGRESS_NOTE, "dr.grey",
                LocalDate.of(2024, 2, 15), DocumentState.DRAFT,
                "HISTORY: Fever and cough for three days. Not on aspirin.\n"
                        + "MEDICATIONS: lisinopril.\n"
                        + "PLAN: chest x-ray."));
        store.put(Notes.note(3, "MRN001", "Alice Walker", DocumentType.RADIOLOGY_REPORT, "dr.house",
                LocalDate.of(2024, 3, 1), DocumentState.SIGNED,
                "FINDINGS: Fracture of the left femur. Heart size normal."));
        store.put(Notes.note(4, "MRN003", "Carol King", DocumentType.CONSULTATION, "dr.grey",
                LocalDate.of(2024, 3, 31), DocumentState.PENDING_SIGNATURE,
                "HISTORY: Patient reports fever, no chills. Pasted <script>alert(1)</script> & other markup.\n"
                        + "ASSESSMENT: viral syndrome."));
        store.put(Notes.failed(5, "MRN004", "Dan Ross", DocumentType.DISCHARGE_SUMMARY, "dr.house",
                LocalDate.of(2023, 12, 31)));
        store.refresh();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static SearchQuery query(String q) {
        return new SearchQuery(q, null, null, null, null, null, null, null, 0, 10, true, true);
    }

    static SearchQuery filtered(String mrn, DocumentType type, String author, String section, LocalDate from,
                                LocalDate to, DocumentState status) {
        return new SearchQuery("", mrn, type, author, section, from, to, status, 0, 10, true, true);
    }

    static Set<DocumentId> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    static SearchHit hit(SearchResult result, DocumentId id) {
        return result.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void blankQueryMatchesEveryDocumentIncludingFailedOnes() {
        SearchResult result = store.search(query(""));
        assertEquals(5, result.total());
        assertEquals(Set.of(D1, D2, D3, D4, D5), ids(result));
        assertEquals(5, store.count());
    }

    @Test
    void blankQueryListsNewestServiceDateFirst() {
        List<DocumentId> order = store.search(query("")).hits().stream().map(SearchHit::id).toList();
        assertEquals(List.of(D4, D3, D2, D1, D5), order);
    }

    @Test
    void findsAWordCaseInsensitivelyAndRanksByScore() {
        SearchResult result = store.search(query("FEVER"));
        assertEquals(Set.of(D1, D2, D4), ids(result));
        assertEquals(3, result.total());
        List<SearchHit> hits = result.hits();
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), "hits are ordered by score");
        }
        assertTrue(hits.get(0).score() > 0);
    }

    @Test
    void phraseQueryKeepsNegationWords() {
        // "no" must be indexed: with stop words removed the phrase would also match "fever" elsewhere.
        assertEquals(Set.of(D1), ids(store.search(query("\"no fever\""))));
        assertEquals(Set.of(D2), ids(store.search(query("\"not on aspirin\""))));
        assertEquals(Set.of(D4), ids(store.search(query("\"no chills\""))));
    }

    @Test
    void stemmingMatchesSingularAndPlural() {
        assertEquals(Set.of(D1, D3), ids(store.search(query("fractures"))));
        assertEquals(Set.of(D1, D3), ids(store.search(query("fracture"))));
    }

    @Test
    void searchesThePatientNameField() {
        assertEquals(Set.of(D1, D3), ids(store.search(query("patient_name:walker"))));
        assertEquals(Set.of(D5), ids(store.search(query("patient_name:\"Dan Ross\""))));
    }

    @Test
    void searchesWithinOneSectionType() {
        // D2 mentions aspirin only in its history, not in its medications.
        assertEquals(Set.of(D1, D2), ids(store.search(query("aspirin"))));
        assertEquals(Set.of(D1), ids(store.search(query("section_medications:aspirin"))));
        assertEquals(Set.of(D1), ids(store.search(query(IndexSchema.sectionField("medications") + ":aspirin"))));
        assertEquals(Set.of(D2), ids(store.search(query("section_history:aspirin"))));
    }

    @Test
    void keywordFieldsAreExactTermsInTheQueryString() {
        assertEquals(Set.of(D3), ids(store.search(query("type:radiology_report"))));
        assertEquals(Set.of(D2, D4), ids(store.search(query("author:dr.grey"))));
        assertEquals(Set.of(D1, D3), ids(store.search(query("mrn:MRN001"))));
        assertEquals(Set.of(D5), ids(store.search(query("status:failed"))));
        assertEquals(Set.of(D2), ids(store.search(query("section:medications AND lisinopril"))));
    }

    @Test
    void serviceDateTakesIsoDatesInTheQueryString() {
        assertEquals(Set.of(D1, D2, D3), ids(store.search(query("service_date:[2024-01-10 TO 2024-03-01]"))));
        assertEquals(Set.of(D2), ids(store.search(query("service_date:{2024-01-10 TO 2024-03-01}"))));
        assertEquals(Set.of(D4), ids(store.search(query("service_date:2024-03-31"))));
        assertEquals(Set.of(D3, D4), ids(store.search(query("service_date:[2024-03-01 TO *]"))));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> store.search(query("service_date:yesterday")));
        assertTrue(e.getMessage().contains("ISO dates"), e.getMessage());
    }

    @Test
    void aPurelyNegativeQueryMeansEverythingElse() {
        assertEquals(Set.of(D3, D5), ids(store.search(query("-fever"))));
    }

    @Test
    void filtersByPatient() {
        SearchResult result = store.search(filtered("MRN001", null, null, null, null, null, null));
        assertEquals(Set.of(D1, D3), ids(result));
        assertEquals(2, result.total());
    }

    @Test
    void filtersByType() {
        assertEquals(Set.of(D1, D5),
                ids(store.search(filtered(null, DocumentType.DISCHARGE_SUMMARY, null, null, null, null, null))));
    }

    @Test
    void filtersByAuthor() {
        assertEquals(Set.of(D2, D4), ids(store.search(filtered(null, null, "dr.grey", null, null, null, null))));
        assertEquals(Set.of(), ids(store.search(filtered(null, null, "dr.gre", null, null, null, null))),
                "author is an exact filter");
    }

    @Test
    void filtersBySectionType() {
        assertEquals(Set.of(D1, D2),
                ids(store.search(filtered(null, null, null, "medications", null, null, null))));
        assertEquals(Set.of(D3), ids(store.search(filtered(null, null, null, "findings", null, null, null))));
    }

    @Test
    void filtersByStatus() {
        assertEquals(Set.of(D1, D3),
                ids(store.search(filtered(null, null, null, null, null, null, DocumentState.SIGNED))));
        assertEquals(Set.of(D4),
                ids(store.search(filtered(null, null, null, null, null, null, DocumentState.PENDING_SIGNATURE))));
    }

    @Test
    void filtersByServiceDateWithInclusiveBounds() {
        LocalDate jan10 = LocalDate.of(2024, 1, 10);
        LocalDate mar1 = LocalDate.of(2024, 3, 1);
        assertEquals(Set.of(D1, D2, D3), ids(store.search(filtered(null, null, null, null, jan10, mar1, null))));
        assertEquals(Set.of(D1), ids(store.search(filtered(null, null, null, null, jan10, jan10, null))));
        assertEquals(Set.of(D3, D4), ids(store.search(filtered(null, null, null, null, mar1, null, null))));
        assertEquals(Set.of(D5),
                ids(store.search(filtered(null, null, null, null, null, LocalDate.of(2023, 12, 31), null))));
        assertEquals(Set.of(),
                ids(store.search(filtered(null, null, null, null, LocalDate.of(2024, 1, 11),
                        LocalDate.of(2024, 2, 14), null))));
    }

    @Test
    void filtersCombineWithTheQueryAndWithEachOther() {
        SearchQuery q = new SearchQuery("fever", null, null, "dr.grey", "history", null, null, DocumentState.DRAFT,
                0, 10, false, false);
        assertEquals(Set.of(D2), ids(store.search(q)));
    }

    @Test
    void failedDocumentsAreStoredAndFilterableByStatus() {
        SearchResult result = store.search(filtered(null, null, null, null, null, null, DocumentState.FAILED));
        assertEquals(Set.of(D5), ids(result));
        SearchHit failed = result.hits().get(0);
        assertEquals(DocumentState.FAILED, failed.state());
        assertEquals(0, failed.version());
        assertEquals(List.of(), failed.sections());
        assertEquals(List.of(), failed.snippets());
        assertEquals("MRN004", failed.metadata().patientMrn());
        assertEquals(DocumentState.FAILED, store.state(D5).orElseThrow());
        assertEquals("the original could not be read", store.get(D5).orElseThrow().failureReason());
    }

    @Test
    void hitsCarryMetadataStateVersionAndSections() {
        SearchHit hit = hit(store.search(query("metoprolol")), D1);
        assertEquals("Alice Walker", hit.metadata().patientName());
        assertEquals(DocumentType.DISCHARGE_SUMMARY, hit.metadata().type());
        assertEquals(DocumentState.SIGNED, hit.state());
        assertEquals(1, hit.version());
        assertEquals(List.of("history", "medications", "plan"), hit.sections());
    }

    @Test
    void highlightsMatchesInBold() {
        SearchHit hit = hit(store.search(query("aspirin")), D1);
        assertFalse(hit.snippets().isEmpty());
        assertTrue(hit.snippets().size() <= SnippetHighlighter.MAX_PASSAGES);
        assertTrue(hit.snippets().get(0).contains("<b>aspirin</b>"), hit.snippets().toString());
    }

    @Test
    void highlightsStemmedMatchesAsWritten() {
        SearchHit hit = hit(store.search(query("fracture")), D1);
        assertTrue(hit.snippets().get(0).contains("<b>fractures</b>"), hit.snippets().toString());
    }

    @Test
    void highlightsEscapeHtmlInTheText() {
        SearchHit hit = hit(store.search(query("fever")), D4);
        String snippet = String.join(" ", hit.snippets());
        assertTrue(snippet.contains("<b>fever</b>"), snippet);
        assertTrue(snippet.contains("&lt;script&gt;alert(1)&lt;"), snippet);
        assertTrue(snippet.contains("&amp; other"), snippet);
        assertFalse(snippet.contains("<script>"), snippet);
    }

    @Test
    void highlightsTermsOfSectionQueriesInTheText() {
        SearchHit hit = hit(store.search(query("section_medications:aspirin")), D1);
        assertTrue(String.join(" ", hit.snippets()).contains("<b>aspirin</b>"), hit.snippets().toString());
    }

    @Test
    void highlightsPhrasesOnlyWhereThePhraseMatches() {
        String snippets = String.join(" ", hit(store.search(query("\"no fever\"")), D1).snippets());
        assertTrue(snippets.contains("fever</b>"), snippets);
        assertTrue(snippets.contains("<b>No"), snippets);
    }

    @Test
    void noSnippetsWithoutATextMatchOrWhenHighlightingIsOff() {
        for (SearchHit hit : store.search(filtered(null, null, null, null, null, null, DocumentState.SIGNED)).hits()) {
            assertEquals(List.of(), hit.snippets(), "a filter-only query highlights nothing");
        }
        for (SearchHit hit : store.search(query("patient_name:walker")).hits()) {
            assertEquals(List.of(), hit.snippets(), "the name is not in the text");
        }
        SearchQuery off = new SearchQuery("fever", null, null, null, null, null, null, null, 0, 10, false, false);
        for (SearchHit hit : store.search(off).hits()) {
            assertEquals(List.of(), hit.snippets());
        }
    }

    @Test
    void facetCountsCoverAllMatchingDocuments() {
        Map<String, List<FacetCount>> facets = store.search(query("")).facets();
        assertEquals(List.of(new FacetCount("discharge_summary", 2), new FacetCount("consultation", 1),
                new FacetCount("progress_note", 1), new FacetCount("radiology_report", 1)), facets.get("type"));
        assertEquals(List.of(new FacetCount("dr.house", 3), new FacetCount("dr.grey", 2)), facets.get("author"));
        assertEquals(List.of(new FacetCount("signed", 2), new FacetCount("draft", 1), new FacetCount("failed", 1),
                new FacetCount("pending_signature", 1)), facets.get("status"));
        assertEquals(List.of(new FacetCount("history", 3), new FacetCount("medications", 2),
                new FacetCount("plan", 2), new FacetCount("assessment", 1), new FacetCount("findings", 1)),
                facets.get("section"));
    }

    @Test
    void facetCountsFollowTheQueryNotThePage() {
        // limit 1: the counts must still cover all three matches of "fever".
        SearchQuery q = new SearchQuery("fever", null, null, null, null, null, null, null, 0, 1, false, true);
        SearchResult result = store.search(q);
        assertEquals(1, result.hits().size());
        assertEquals(3, result.total());
        Map<String, List<FacetCount>> facets = result.facets();
        assertEquals(List.of(new FacetCount("dr.grey", 2), new FacetCount("dr.house", 1)), facets.get("author"));
        assertEquals(List.of(new FacetCount("history", 3), new FacetCount("medications", 2),
                new FacetCount("plan", 2), new FacetCount("assessment", 1)), facets.get("section"));
        long typeTotal = facets.get("type").stream().mapToLong(FacetCount::count).sum();
        assertEquals(3, typeTotal);
    }

    @Test
    void facetsAreEmptyWhenNotRequestedAndListEveryDimensionWhenRequested() {
        SearchQuery noFacets = new SearchQuery("fever", null, null, null, null, null, null, null, 0, 10, true, false);
        assertTrue(store.search(noFacets).facets().isEmpty());
        Map<String, List<FacetCount>> onlyFailed =
                store.search(filtered(null, null, null, null, null, null, DocumentState.FAILED)).facets();
        assertEquals(Set.copyOf(IndexSchema.FACET_DIMS), onlyFailed.keySet());
        assertEquals(List.of(), onlyFailed.get("section"), "a failed record has no sections");
        assertEquals(List.of(new FacetCount("failed", 1)), onlyFailed.get("status"));
    }

    @Test
    void syntaxErrorIsInvalidInputWithTheParsersExplanation() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> store.search(query("heart AND (")));
        assertTrue(e.getMessage().startsWith("query syntax error: "), e.getMessage());
        assertTrue(e.getMessage().contains("Encountered <EOF> at line 1, column 11"), e.getMessage());
        assertTrue(e.getMessage().contains("Was expecting one of"), e.getMessage());
    }

    @Test
    void leadingWildcardIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> store.search(query("*itis")));
        assertTrue(e.getMessage().contains("not allowed as first character"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> store.search(query("text:?ever")));
    }

    @Test
    void trailingWildcardWorks() {
        assertEquals(Set.of(D1, D3), ids(store.search(query("fractur*"))));
    }

    @Test
    void syntaxErrorMessagesNeverEchoTheQuery() {
        // Queries can name patients, and error messages are logged.
        for (String q : List.of("patient_name:\"Alice Walker", "patient_name:Walker AND (", "Walker) AND Alice",
                "Walker^Alice", "/[Walker/")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> store.search(query(q)), q);
            assertTrue(e.getMessage().startsWith("query syntax error: "), e.getMessage());
            assertFalse(e.getMessage().contains("Walker"), e.getMessage());
            assertFalse(e.getMessage().contains("Alice"), e.getMessage());
        }
    }

    @Test
    void tooManyClausesIsInvalidInput() {
        String huge = String.join(" OR ", Collections.nCopies(1100, "fever"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> store.search(query(huge)));
        assertTrue(e.getMessage().contains("too many"), e.getMessage());
    }

    @Test
    void scoresAreNumbers() {
        for (SearchHit hit : store.search(query("")).hits()) {
            assertFalse(Float.isNaN(hit.score()));
        }
        assertEquals(List.of(D3), store.search(query("heart")).hits().stream().map(SearchHit::id).toList());
    }

    @Test
    void pagesDoNotOverlapAndTotalStaysExact() {
        // Matches D1..D4 ("history" in three, "findings" in D3): a page of 3, then a page of 1.
        Set<DocumentId> seen = new HashSet<>();
        for (int offset = 0; offset < 6; offset += 3) {
            SearchQuery page = new SearchQuery("history OR findings OR viral", null, null, null, null, null, null,
                    null, offset, 3, false, false);
            SearchResult result = store.search(page);
            assertEquals(4, result.total());
            assertEquals(offset, result.offset());
            for (SearchHit hit : result.hits()) {
                assertTrue(seen.add(hit.id()), "no document on two pages");
            }
        }
        assertEquals(Set.of(D1, D2, D3, D4), seen);
    }
}
