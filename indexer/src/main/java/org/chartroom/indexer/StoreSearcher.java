package org.chartroom.indexer;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.chartroom.core.document.DocumentId;

/**
 * An {@link IndexSearcher} together with what is derived from its reader and shared by all searches on it: the facet
 * state. Made by {@link #factory} whenever the searcher manager opens a new reader, so the cost is paid on the
 * refresh thread, not by a search.
 *
 * <p>Thread-safe like any IndexSearcher; acquire and release it through the SearcherManager.
 */
final class StoreSearcher extends IndexSearcher {
    private final FacetCounter facets;

    private StoreSearcher(IndexReader reader, FacetCounter facets) {
        super(reader);
        this.facets = facets;
    }

    static SearcherFactory factory(FacetsConfig config) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                return new StoreSearcher(reader, FacetCounter.forReader(reader, config));
            }
        };
    }

    FacetCounter facets() {
        return facets;
    }

    /**
     * The live Lucene doc id of a document, or -1. A direct term lookup per segment rather than a scored
     * search: ids are unique, and this runs on every get and state call.
     */
    int docIdOf(DocumentId id) throws IOException {
        BytesRef term = new BytesRef(id.value());
        for (LeafReaderContext leaf : getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(IndexSchema.ID);
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            if (!termsEnum.seekExact(term)) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    return leaf.docBase + doc;
                }
            }
        }
        return -1;
    }
}
