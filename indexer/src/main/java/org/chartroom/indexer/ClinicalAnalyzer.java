package org.chartroom.indexer;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer of the free-text fields ({@code text}, {@code section_<type>}, {@code patient_name}): standard
 * tokenizer, English possessive removal, lower case, ASCII folding and KStem light stemming ("fractures" finds
 * "fracture" without Porter's over-stemming of clinical terms).
 *
 * <p>There is deliberately no stop-word filter: "no", "not" and "without" carry meaning in clinical text, and the
 * phrase "no fever" must not match "fever".
 *
 * <p>Thread-safe (Lucene analyzers reuse per-thread token streams); close it when the store closes.
 */
public final class ClinicalAnalyzer extends Analyzer {

    /**
     * Gap between the values of a multi-valued field (e.g. two medication sections), so a phrase or proximity
     * query cannot match across the boundary of two spans.
     */
    static final int POSITION_GAP = 100;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream chain = new EnglishPossessiveFilter(source);
        chain = new LowerCaseFilter(chain);
        chain = new ASCIIFoldingFilter(chain);
        chain = new KStemFilter(chain);
        return new TokenStreamComponents(source, chain);
    }

    /** Normalization of wildcard, prefix and fuzzy terms: the same case and accent folding, without stemming. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return POSITION_GAP;
    }

    /**
     * The analyzer for indexing and query parsing: keyword fields ({@link IndexSchema#KEYWORD_FIELDS}) as one exact
     * term with {@code keyword}, everything else with {@code text}. The wrapper does not close its delegates: the
     * caller owns all three.
     */
    static Analyzer perField(Analyzer text, KeywordAnalyzer keyword) {
        Map<String, Analyzer> perField = new HashMap<>();
        for (String field : IndexSchema.KEYWORD_FIELDS) {
            perField.put(field, keyword);
        }
        return new PerFieldAnalyzerWrapper(text, perField);
    }
}
