package org.chartroom.api.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chartroom.api.audit.Auditor;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.security.AccessPolicy;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.document.ReviewStatus;
import org.chartroom.core.error.ForbiddenException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.search.FacetCount;
import org.chartroom.core.search.SearchHit;
import org.chartroom.core.search.SearchQuery;
import org.chartroom.core.search.SearchResult;

/**
 * Search over the document store: Lucene query syntax plus exact filters, pages, highlights and facets. A physician
 * searches the documents they authored unless they break the glass; every search is audited with its query.
 */
@Controller("/api/search")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"PHYSICIAN", "TRANSCRIPTIONIST", "CODER", "HIM"})
final class SearchController {
    private final ChartroomRuntime runtime;
    private final AccessPolicy policy;
    private final Auditor auditor;

    SearchController(ChartroomRuntime runtime, AccessPolicy policy, Auditor auditor) {
        this.runtime = runtime;
        this.policy = policy;
        this.auditor = auditor;
    }

    record Hit(String id, float score, String state, int version, DocumentViews.Metadata metadata,
               List<String> sections, List<String> snippets, String location) {
        static Hit of(SearchHit h) {
            return new Hit(h.id().value(), h.score(), h.state().code(), h.version(),
                    DocumentViews.Metadata.of(h.metadata()), h.sections(), h.snippets(),
                    DocumentViews.locationOf(h.id().value()));
        }
    }

    record Results(long total, int offset, int limit, List<Hit> hits, Map<String, List<FacetCount>> facets,
                   double tookMs) {
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    Results search(HttpRequest<?> request, Authentication user,
                   @QueryValue(defaultValue = "") String q,
                   @Nullable @QueryValue String mrn,
                   @Nullable @QueryValue String type,
                   @Nullable @QueryValue String author,
                   @Nullable @QueryValue String section,
                   @Nullable @QueryValue String from,
                   @Nullable @QueryValue String to,
                   @Nullable @QueryValue String status,
                   @Nullable @QueryValue String review,
                   @QueryValue(defaultValue = "0") String offset,
                   @QueryValue(defaultValue = "20") String limit,
                   @QueryValue(defaultValue = "true") boolean highlight,
                   @QueryValue(defaultValue = "true") boolean facets) {
        Optional<String> glass = policy.breakGlassReason(request);
        String authorFilter = blankToNull(author);
        if (!policy.worksAcrossPatients(user) && glass.isEmpty()) {
            String own = policy.authorOf(user);
            if (authorFilter != null && !authorFilter.equalsIgnoreCase(own)) {
                auditor.record(request, user, Auditor.Access.of(AuditAction.SEARCH, nullToEmpty(mrn), "")
                        .denied("search of another author's documents without breaking the glass"));
                throw new ForbiddenException("you may search only the documents you authored; to search others in "
                        + "an emergency, repeat the request with the header " + AccessPolicy.BREAK_GLASS_HEADER);
            }
            authorFilter = own;
        }
        SearchQuery query = new SearchQuery(q, blankToNull(mrn),
                type == null || type.isBlank() ? null : DocumentType.parse(type), authorFilter,
                blankToNull(section), date("from", from), date("to", to),
                status == null || status.isBlank() ? null : DocumentState.parse(status),
                integer("offset", offset), integer("limit", limit), highlight, facets,
                review == null || review.isBlank() ? null : ReviewStatus.parse(review));
        long started = System.nanoTime();
        SearchResult result = runtime.search(query);
        double took = (System.nanoTime() - started) / 1e6;
        Auditor.Access access = Auditor.Access.of(AuditAction.SEARCH, nullToEmpty(mrn), "")
                .withDetail("q=" + q + "; filters=" + filters(query) + "; hits=" + result.total());
        auditor.record(request, user, glass.map(access::brokeGlass).orElse(access));
        return new Results(result.total(), query.offset(), query.limit(),
                result.hits().stream().map(Hit::of).toList(), result.facets(), took);
    }

    private static String filters(SearchQuery q) {
        return "mrn=" + nullToEmpty(q.patientMrn()) + ",type=" + (q.type() == null ? "" : q.type().code())
                + ",author=" + nullToEmpty(q.author()) + ",section=" + nullToEmpty(q.section())
                + ",from=" + (q.serviceDateFrom() == null ? "" : q.serviceDateFrom())
                + ",to=" + (q.serviceDateTo() == null ? "" : q.serviceDateTo())
                + ",status=" + (q.status() == null ? "" : q.status().code())
                + ",review=" + (q.review() == null ? "" : q.review().code())
                + ",offset=" + q.offset() + ",limit=" + q.limit();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " must be an ISO date such as 2026-03-14");
        }
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a whole number");
        }
    }
}
