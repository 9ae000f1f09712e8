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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;
import org.chartroom.api.audit.AuditLog;
import org.chartroom.api.audit.Auditor;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.error.InvalidInputException;

/** The audit trail for auditors and privacy staff: filtered, newest first; reading it is itself audited. */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"AUDITOR", "HIM"})
final class AuditController {
    private final AuditLog log;
    private final Auditor auditor;

    AuditController(ChartroomRuntime runtime, Auditor auditor) {
        this.log = runtime.audit();
        this.auditor = auditor;
    }

    record Page(int offset, int limit, List<AuditLog.Entry> entries) {
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    Page entries(HttpRequest<?> request, Authentication user,
                 @Nullable @QueryValue String patient,
                 @Nullable @QueryValue String document, @Nullable @QueryValue String action,
                 @Nullable @QueryValue String outcome, @Nullable @QueryValue Boolean breakGlass,
                 @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                 @QueryValue(defaultValue = "0") int offset, @QueryValue(defaultValue = "50") int limit) {
        Predicate<AuditLog.Entry> filter = e -> true;
        String who = request.getParameters().get("user");
        filter = filter.and(eq(who, e -> e.event().user()));
        filter = filter.and(eq(patient, e -> e.event().patientMrn()));
        filter = filter.and(eq(document, e -> e.event().documentId()));
        AuditAction act = action == null || action.isBlank() ? null : parseAction(action);
        filter = filter.and(e -> act == null || e.event().action() == act);
        filter = filter.and(eq(outcome, e -> e.event().outcome()));
        filter = filter.and(e -> breakGlass == null || e.event().breakGlass() == breakGlass);
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        filter = filter.and(e -> since == null || !e.event().time().isBefore(since));
        filter = filter.and(e -> until == null || !e.event().time().isAfter(until));
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new InvalidInputException("offset must be ≥ 0 and limit between 1 and 500");
        }
        List<AuditLog.Entry> page = log.find(filter, offset, limit);
        auditor.record(request, user, Auditor.Access.of(AuditAction.READ, patient == null ? "" : patient, "")
                .withDetail("audit trail; user=" + (who == null ? "" : who) + ", breakGlass=" + breakGlass));
        return new Page(offset, limit, page);
    }

    /** Break-the-glass accesses, for review. */
    @Get(uri = "/break-glass", produces = MediaType.APPLICATION_JSON)
    Page breakGlass(HttpRequest<?> request, Authentication user, @QueryValue(defaultValue = "0") int offset,
                    @QueryValue(defaultValue = "50") int limit) {
        List<AuditLog.Entry> page = log.find(e -> e.event().breakGlass(), offset, Math.min(Math.max(limit, 1), 500));
        auditor.record(request, user, Auditor.Access.of(AuditAction.READ, "", "").withDetail("break-glass review"));
        return new Page(offset, limit, page);
    }

    private static Predicate<AuditLog.Entry> eq(String wanted, java.util.function.Function<AuditLog.Entry, String> f) {
        return e -> wanted == null || wanted.isBlank() || wanted.equals(f.apply(e));
    }

    private static AuditAction parseAction(String text) {
        try {
            return AuditAction.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown audit action; use one of "
                    + java.util.Arrays.toString(AuditAction.values()));
        }
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " must be an ISO instant such as 2026-03-14T09:30:00Z");
        }
    }
}
