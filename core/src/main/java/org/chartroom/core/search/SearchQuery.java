package org.chartroom.core.search;

import java.time.LocalDate;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.document.ReviewStatus;
import org.chartroom.core.error.InvalidInputException;

/**
 * A search over the store. {@code query} uses Lucene's classic query syntax over the text and the fields
 * ({@code text}, {@code section_<type>}, {@code patient_name}, …); blank matches every document. Filters are exact;
 * a null filter does not filter.
 *
 * @param offset    hits to skip (pagination), ≥ 0
 * @param limit     hits to return, 1–100
 * @param highlight include highlighted snippets
 * @param facets    include facet counts (type, author, status, section, review)
 * @param review    where the documents stand with coding
 */
public record SearchQuery(String query, String patientMrn, DocumentType type, String author, String section,
                          LocalDate serviceDateFrom, LocalDate serviceDateTo, DocumentState status,
                          int offset, int limit, boolean highlight, boolean facets, ReviewStatus review) {
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;

    public SearchQuery {
        query = query == null ? "" : query.strip();
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidInputException("offset must be between 0 and " + MAX_OFFSET);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (serviceDateFrom != null && serviceDateTo != null && serviceDateFrom.isAfter(serviceDateTo)) {
            throw new InvalidInputException("serviceDateFrom is after serviceDateTo");
        }
    }

    /** A search without a coding-review filter. */
    public SearchQuery(String query, String patientMrn, DocumentType type, String author, String section,
                       LocalDate serviceDateFrom, LocalDate serviceDateTo, DocumentState status,
                       int offset, int limit, boolean highlight, boolean facets) {
        this(query, patientMrn, type, author, section, serviceDateFrom, serviceDateTo, status, offset, limit,
                highlight, facets, null);
    }

    /** A plain text query: first 10 hits, with highlights and facets. */
    public static SearchQuery of(String query) {
        return new SearchQuery(query, null, null, null, null, null, null, null, 0, 10, true, true);
    }
}
