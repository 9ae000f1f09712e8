package org.chartroom.indexer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.search.SearchQuery;

/**
 * Turns a {@link SearchQuery} into a Lucene query: the query string through the classic {@link QueryParser}
 * (default field {@code text}, default operator OR, no leading wildcards), the filters as non-scoring
 * {@link Occur#FILTER} clauses.
 *
 * <p>{@code service_date} can also be queried in the string, with ISO dates: {@code service_date:2024-03-14} or
 * {@code service_date:[2024-01-01 TO *]}.
 *
 * <p>Syntax errors become {@link InvalidInputException} "query syntax error: …". The message is rebuilt from the
 * parser's structured error (position, token kinds) and never echoes the query: a query can hold a patient's name,
 * and error messages are logged.
 *
 * <p>Thread-safe: a parser (which is not) is made per call; they are cheap.
 */
final class SearchQueryTranslator {
    private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");
    private static final int MAX_EXPECTED_LISTED = 12;

    private final Analyzer analyzer;

    /** @param analyzer the per-field analyzer the index was written with */
    SearchQueryTranslator(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The query string alone (what highlighting should look for); blank matches every document. */
    Query parse(String queryString) {
        if (queryString == null || queryString.isBlank()) {
            return new MatchAllDocsQuery();
        }
        QueryParser parser = new ClinicalQueryParser(analyzer);
        try {
            return withPositiveClause(parser.parse(queryString));
        } catch (ParseException e) {
            throw new InvalidInputException("query syntax error: " + describe(e), e);
        } catch (TooComplexToDeterminizeException e) {
            throw new InvalidInputException("query syntax error: a regular expression or wildcard is too complex", e);
        } catch (IllegalArgumentException e) {
            // e.g. an invalid regular expression (/[/); Lucene's message may quote the expression, so it is dropped.
            throw new InvalidInputException("query syntax error: invalid regular expression or term", e);
        }
    }

    /** The parsed query with the request's filters added as non-scoring clauses. */
    Query withFilters(Query parsed, SearchQuery request) {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder();
        int filters = 0;
        filters += addTermFilter(filtered, IndexSchema.MRN, request.patientMrn());
        filters += addTermFilter(filtered, IndexSchema.TYPE, request.type() == null ? null : request.type().code());
        filters += addTermFilter(filtered, IndexSchema.AUTHOR, request.author());
        filters += addTermFilter(filtered, IndexSchema.SECTION, request.section());
        filters += addTermFilter(filtered, IndexSchema.STATUS,
                request.status() == null ? null : request.status().code());
        filters += addTermFilter(filtered, IndexSchema.REVIEW,
                request.review() == null ? null : request.review().code());
        if (request.serviceDateFrom() != null || request.serviceDateTo() != null) {
            long from = request.serviceDateFrom() == null ? Long.MIN_VALUE : request.serviceDateFrom().toEpochDay();
            long to = request.serviceDateTo() == null ? Long.MAX_VALUE : request.serviceDateTo().toEpochDay();
            filtered.add(LongPoint.newRangeQuery(IndexSchema.SERVICE_DATE, from, to), Occur.FILTER);
            filters++;
        }
        if (filters == 0) {
            return parsed;
        }
        filtered.add(parsed, Occur.MUST);
        return filtered.build();
    }

    /** Adds an exact-term filter; a null or blank value does not filter. */
    private static int addTermFilter(BooleanQuery.Builder builder, String field, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        builder.add(new TermQuery(new Term(field, value.strip())), Occur.FILTER);
        return 1;
    }

    /**
     * Lucene's boolean query matches nothing when it has only prohibited clauses; a user typing {@code -fever} means
     * "every document without fever", so such a query gets an all-documents clause.
     */
    private static Query withPositiveClause(Query query) {
        if (!(query instanceof BooleanQuery bool) || bool.clauses().isEmpty()) {
            return query;
        }
        for (BooleanClause clause : bool.clauses()) {
            if (clause.getOccur() != Occur.MUST_NOT) {
                return query;
            }
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(new MatchAllDocsQuery(), Occur.MUST);
        for (BooleanClause clause : bool.clauses()) {
            builder.add(clause);
        }
        return builder.build();
    }

    /**
     * What went wrong, from the parser's structured error; never the query text. {@link QueryParser#parse} wraps
     * the real error (and prefixes a copy of the whole query), so the cause is what is described.
     */
    static String describe(ParseException wrapper) {
        Throwable cause = wrapper.getCause() == null ? wrapper : wrapper.getCause();
        if (cause instanceof ParseException parse) {
            if (parse.currentToken != null && parse.currentToken.next != null && parse.tokenImage != null) {
                return describeUnexpectedToken(parse);
            }
            // Thrown by QueryParserBase or ClinicalQueryParser with a fixed text, e.g.
            // "'*' or '?' not allowed as first character in WildcardQuery".
            return parse.getMessage();
        }
        if (cause instanceof TokenMgrError) {
            Matcher at = LINE_COLUMN.matcher(String.valueOf(cause.getMessage()));
            return "Lexical error" + (at.find() ? " at line " + at.group(1) + ", column " + at.group(2) : "")
                    + " (an unclosed quote, or a special character that needs a backslash?)";
        }
        if (cause instanceof IndexSearcher.TooManyClauses) {
            return "too many clauses (at most " + IndexSearcher.getMaxClauseCount() + ")";
        }
        return "the query cannot be parsed";
    }

    /**
     * Same shape as JavaCC's message ("Encountered … at line 1, column 11. Was expecting one of: …") but with the
     * token's kind (e.g. {@code <TERM>}, {@code ")"}) instead of its text.
     */
    private static String describeUnexpectedToken(ParseException e) {
        var token = e.currentToken.next;
        StringBuilder message = new StringBuilder("Encountered ")
                .append(kindName(e, token.kind))
                .append(" at line ").append(token.beginLine)
                .append(", column ").append(token.beginColumn).append('.');
        if (e.expectedTokenSequences != null && e.expectedTokenSequences.length > 0) {
            Set<String> expected = new LinkedHashSet<>();
            for (int[] sequence : e.expectedTokenSequences) {
                if (sequence.length > 0) {
                    expected.add(kindName(e, sequence[0]));
                }
            }
            message.append(" Was expecting one of: ");
            int listed = 0;
            for (String kind : expected) {
                if (listed == MAX_EXPECTED_LISTED) {
                    message.append(", …");
                    break;
                }
                message.append(listed == 0 ? "" : ", ").append(kind);
                listed++;
            }
        }
        return message.toString();
    }

    private static String kindName(ParseException e, int kind) {
        return kind >= 0 && kind < e.tokenImage.length ? e.tokenImage[kind] : "token";
    }

    /** The classic parser, plus ISO dates on {@code service_date} (indexed as epoch days). */
    private static final class ClinicalQueryParser extends QueryParser {
        ClinicalQueryParser(Analyzer analyzer) {
            super(IndexSchema.TEXT, analyzer);
            // The default already forbids them; stated because leading wildcards scan the whole term dictionary.
            setAllowLeadingWildcard(false);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (IndexSchema.SERVICE_DATE.equals(field)) {
                return LongPoint.newExactQuery(field, epochDay(queryText));
            }
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            if (!IndexSchema.SERVICE_DATE.equals(field)) {
                return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
            }
            long lower = part1 == null ? Long.MIN_VALUE : epochDay(part1) + (startInclusive ? 0 : 1);
            long upper = part2 == null ? Long.MAX_VALUE : epochDay(part2) - (endInclusive ? 0 : 1);
            return LongPoint.newRangeQuery(field, lower, upper);
        }

        private static long epochDay(String text) throws ParseException {
            try {
                return LocalDate.parse(text.strip()).toEpochDay();
            } catch (DateTimeParseException e) {
                throw new ParseException("service_date takes ISO dates such as 2024-03-14, or * in a range");
            }
        }
    }
}
