/**
 * The Lucene document store: {@link org.chartroom.indexer.LuceneDocumentStore} implements
 * {@link org.chartroom.core.pipeline.DocumentStore} on one index directory.
 *
 * <p>The parts, one job each: {@link org.chartroom.indexer.IndexSchema} (field names and types),
 * {@link org.chartroom.indexer.ClinicalAnalyzer} (text analysis), {@code RecordCodec} (the stored JSON of a record),
 * {@code RecordDocumentBuilder} (record → Lucene document), {@code SearchQueryTranslator} (query string and filters →
 * Lucene query), {@code FacetCounter} (facet counts, state cached per reader), {@code SnippetHighlighter}
 * (highlighted passages), {@code StoreSearcher} (a searcher with its per-reader state) and {@code RecentPuts}
 * (get-after-put before a refresh). {@link org.chartroom.indexer.EncryptedDirectory} encrypts every index file (AES-CTR,
 * per-file keys wrapped by the master key) when {@link org.chartroom.indexer.StoreSettings#encryption()} is on.
 *
 * <p>Records are PHI: nothing in this package logs or puts into an exception message anything but document ids,
 * counts, paths and Lucene's own error texts about files.
 */
package org.chartroom.indexer;
