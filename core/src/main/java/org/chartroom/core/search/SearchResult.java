package org.chartroom.core.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchQuery}.
 *
 * @param total  how many documents match in all
 * @param hits   the requested page of hits, best first
 * @param facets facet name ({@code type}, {@code author}, {@code status}, {@code section}) → counts, largest first;
 *               empty when facets were not requested
 */
public record SearchResult(long total, int offset, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {
    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
