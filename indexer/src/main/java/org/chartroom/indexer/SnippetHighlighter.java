package org.chartroom.indexer;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted snippets of the {@code text} field for one page of hits, with the {@link UnifiedHighlighter} reading
 * match offsets from the postings.
 *
 * <p>The text is not a stored field (the stored record holds it), so the caller hands over each hit's text, already
 * decoded for the hit, instead of the highlighter loading it. Terms of {@code section_<type>} fields are highlighted
 * in the text too: those fields hold spans of the same text, analyzed the same way.
 *
 * <p>Each snippet is a passage of about {@value #PASSAGE_LENGTH} characters, HTML-escaped, with {@code <b>…</b>}
 * around the matches. A document with no match in its text gets no snippets.
 *
 * <p>Not thread-safe and bound to one searcher: make one per search (it is a handful of small objects).
 */
final class SnippetHighlighter extends UnifiedHighlighter {
    static final int MAX_PASSAGES = 3;
    static final int PASSAGE_LENGTH = 160;
    /** Text beyond this many characters is not highlighted (bounds the per-hit cost of very long reports). */
    static final int MAX_HIGHLIGHTED_CHARS = 100_000;

    private static final String[] FIELDS = {IndexSchema.TEXT};
    private static final int[] MAX_PASSAGES_PER_FIELD = {MAX_PASSAGES};
    /** Where the first match sits in its passage: 0.5 centres it, so the snippet shows context on both sides. */
    private static final float MATCH_ALIGNMENT = 0.5f;
    private static final Supplier<BreakIterator> PASSAGE_BREAKS = () -> LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_LENGTH, MATCH_ALIGNMENT);

    private final Map<Integer, String> textByDoc;

    /**
     * @param textByDoc the {@code text} of each doc id to highlight, exactly as indexed (offsets point into it)
     */
    SnippetHighlighter(IndexSearcher searcher, Analyzer indexAnalyzer, Map<Integer, String> textByDoc) {
        super(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(SnippetFormatter.INSTANCE)
                .withBreakIterator(PASSAGE_BREAKS)
                .withMaxLength(MAX_HIGHLIGHTED_CHARS)
                .withMaxNoHighlightPassages(0)
                .withHighlightPhrasesStrictly(true)
                .withHandleMultiTermQuery(true)
                // Term extraction (not Weight.matches) so that terms of section_<type> queries, whose fields have
                // no offsets, are located in the text field's postings.
                .withWeightMatches(false)
                .withFieldMatcher(field -> IndexSchema.TEXT.equals(field)
                        || field.startsWith(IndexSchema.SECTION_PREFIX)));
        this.textByDoc = textByDoc;
    }

    /**
     * Snippets for each doc id, parallel to {@code docIds}; an empty list where nothing in the text matched.
     *
     * @param query the user's query alone (filters have nothing to highlight)
     */
    List<List<String>> highlight(Query query, int[] docIds) throws IOException {
        Object[] formatted = highlightFieldsAsObjects(FIELDS, query, docIds, MAX_PASSAGES_PER_FIELD)
                .get(IndexSchema.TEXT);
        List<List<String>> snippets = new ArrayList<>(docIds.length);
        for (Object perDoc : formatted) {
            @SuppressWarnings("unchecked")
            List<String> passages = perDoc == null ? List.of() : (List<String>) perDoc;
            snippets.add(passages);
        }
        return snippets;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                                                   int cacheCharsThreshold) throws IOException {
        // The texts are already in memory, so one batch holds every document.
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
            CharSequence[] perField = new CharSequence[fields.length];
            for (int f = 0; f < fields.length; f++) {
                perField[f] = IndexSchema.TEXT.equals(fields[f]) ? textByDoc.get(doc) : null;
            }
            values.add(perField);
        }
        return values;
    }

    /** Formats each passage on its own, HTML-escaped, matches in {@code <b>}. */
    private static final class SnippetFormatter extends PassageFormatter {
        static final SnippetFormatter INSTANCE = new SnippetFormatter();

        @Override
        public Object format(Passage[] passages, String content) {
            List<String> snippets = new ArrayList<>(passages.length);
            for (Passage passage : passages) {
                if (passage.getNumMatches() == 0) {
                    continue;
                }
                StringBuilder out = new StringBuilder(passage.getLength() + 16);
                int pos = passage.getStartOffset();
                int[] starts = passage.getMatchStarts();
                int[] ends = passage.getMatchEnds();
                for (int i = 0; i < passage.getNumMatches(); i++) {
                    int start = starts[i];
                    int end = ends[i];
                    // Matches can overlap (e.g. a phrase and one of its terms); merge them into one bold run.
                    while (i + 1 < passage.getNumMatches() && starts[i + 1] < end) {
                        end = Math.max(end, ends[++i]);
                    }
                    if (start < pos) {
                        start = pos;
                    }
                    escape(content, pos, start, out);
                    out.append("<b>");
                    escape(content, start, end, out);
                    out.append("</b>");
                    pos = Math.max(pos, end);
                }
                escape(content, pos, passage.getEndOffset(), out);
                snippets.add(out.toString().strip());
            }
            return snippets.isEmpty() ? null : List.copyOf(snippets);
        }

        private static void escape(String content, int from, int to, StringBuilder out) {
            for (int i = from; i < to; i++) {
                char c = content.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#x27;");
                    default -> out.append(c);
                }
            }
        }
    }
}
