package org.chartroom.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.chartroom.core.search.FacetCount;

/**
 * Facet counts over one index reader. Building the sorted-set reader state (a global ordinal map over all segments)
 * is the expensive part, so it is done once per reader, when the searcher is opened, and shared by every search on
 * that searcher.
 *
 * <p>Thread-safe: the state is immutable and counting allocates per call.
 */
final class FacetCounter {
    /** Values listed per dimension, largest count first. */
    static final int TOP_VALUES = 20;

    /** Null while no document in the reader has a facet (an empty index): every count is then empty. */
    private final SortedSetDocValuesReaderState state;

    private FacetCounter(SortedSetDocValuesReaderState state) {
        this.state = state;
    }

    static FacetCounter forReader(IndexReader reader, FacetsConfig config) throws IOException {
        FieldInfo facets = FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        if (facets == null || facets.getDocValuesType() != DocValuesType.SORTED_SET) {
            return new FacetCounter(null);
        }
        return new FacetCounter(new DefaultSortedSetDocValuesReaderState(reader, config));
    }

    /**
     * Counts of every dimension of {@link IndexSchema#FACET_DIMS} over the collected documents. Each dimension is
     * present, with an empty list when no matching document has a value.
     */
    Map<String, List<FacetCount>> count(FacetsCollector collected) throws IOException {
        Map<String, List<FacetCount>> result = new LinkedHashMap<>();
        SortedSetDocValuesFacetCounts counts =
                state == null ? null : new SortedSetDocValuesFacetCounts(state, collected);
        for (String dim : IndexSchema.FACET_DIMS) {
            result.put(dim, counts == null ? List.of() : top(counts, dim));
        }
        return result;
    }

    private List<FacetCount> top(SortedSetDocValuesFacetCounts counts, String dim) throws IOException {
        if (state.getOrdRange(dim) == null) {
            return List.of(); // no document in this reader has the dimension at all
        }
        FacetResult top = counts.getTopChildren(TOP_VALUES, dim);
        if (top == null) {
            return List.of();
        }
        List<FacetCount> values = new ArrayList<>(top.labelValues.length);
        for (LabelAndValue value : top.labelValues) {
            values.add(new FacetCount(value.label, value.value.longValue()));
        }
        return values;
    }
}
