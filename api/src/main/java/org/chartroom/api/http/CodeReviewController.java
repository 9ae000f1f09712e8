package org.chartroom.api.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.stream.Collectors;
import org.chartroom.api.audit.Auditor;
import org.chartroom.api.runtime.Change;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.runtime.CodeReviews;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.document.CodeReview;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.error.ChartroomException;

/**
 * Coders' review of the ICD-10-CM codes of a signed document: the suggestions of the latest version with the review
 * that stands, and the coder's final code set for a version ({@code If-Match} required). Reading follows the
 * document's read policy; reviewing is for coders and HIM staff. Every read and review is audited, refused reviews
 * with their reason.
 */
@Controller("/api/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"CODER", "HIM"})
final class CodeReviewController {
    private final ChartroomRuntime runtime;
    private final RecordAccess access;
    private final Auditor auditor;

    CodeReviewController(ChartroomRuntime runtime, RecordAccess access, Auditor auditor) {
        this.runtime = runtime;
        this.access = access;
        this.auditor = auditor;
    }

    /** The body of a review: one decision per code (every suggestion, and the codes added by hand). */
    record CodeSet(List<CodeReviews.Decision> codes) {
    }

    /** The latest version's suggested codes, with its ETag, and the review that stands. */
    @Get(uri = "/{id}/codes", produces = MediaType.APPLICATION_JSON)
    @Secured({"PHYSICIAN", "TRANSCRIPTIONIST", "CODER", "HIM"})
    HttpResponse<CodeReviewViews.Codes> codes(HttpRequest<?> request, Authentication user, @PathVariable String id) {
        DocumentRecord record = access.read(request, user, id, AuditAction.READ);
        DocumentVersion latest = DraftController.latestOf(record);
        return DraftController.withTag(HttpResponse.ok(CodeReviewViews.Codes.of(record, latest)), latest);
    }

    /**
     * The coder's final code set for the version named by {@code If-Match}: each suggested code accepted or rejected,
     * codes added by hand. The same decisions again change nothing.
     */
    @Put(uri = "/{id}/codes", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<CodeReviewViews.Codes> review(HttpRequest<?> request, Authentication user, @PathVariable String id,
                                               @Nullable @Header(VersionTag.IF_MATCH) String ifMatch,
                                               @Nullable @Body CodeSet body) {
        DocumentRecord record = access.change(request, user, id);
        Auditor.Access audit = Auditor.Access.of(AuditAction.WRITE, record.metadata().patientMrn(), id)
                .withDetail("code review");
        Change done;
        try {
            int basedOn = VersionTag.required(ifMatch);
            done = runtime.codeReviews().review(record.id(), basedOn, user.getName(),
                    body == null || body.codes() == null ? List.of() : body.codes());
        } catch (ChartroomException e) {
            auditor.record(request, user, audit.failed(e.getMessage()));
            throw e;
        }
        CodeReview review = done.record().latestReview().orElseThrow();
        auditor.record(request, user, audit.withDetail("code review of version " + review.version()
                + (done.changed() ? "" : " unchanged") + ": " + summary(review)));
        DocumentVersion latest = done.record().latest().orElseThrow();
        return DraftController.withTag(HttpResponse.ok(CodeReviewViews.Codes.of(done.record(), latest)), latest);
    }

    /** What the audit trail keeps of a review: each code with its decision. */
    private static String summary(CodeReview review) {
        return review.codes().isEmpty() ? "no codes" : review.codes().stream()
                .map(c -> c.code() + " " + c.decision().code()).collect(Collectors.joining(", "));
    }
}
