package org.chartroom.api.audit;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.audit.AuditEvent;

/** Records audit events for HTTP requests: who (from the token), from where, on what. */
@Singleton
public final class Auditor {
    private final AuditLog log;
    private final Clock clock = Clock.systemUTC();

    Auditor(ChartroomRuntime runtime) {
        this.log = runtime.audit();
    }

    /** Marks a request whose access was audited by a controller, so the denial filter does not audit it twice. */
    public static final String AUDITED = "chartroom.audited";

    /** The facts of one audited access; empty strings where not applicable. */
    public record Access(AuditAction action, String patientMrn, String documentId, String outcome, String reason,
                         boolean breakGlass, String detail) {
        public static Access of(AuditAction action, String mrn, String documentId) {
            return new Access(action, mrn, documentId, AuditEvent.SUCCESS, "", false, "");
        }

        public Access denied(String why) {
            return new Access(action, patientMrn, documentId, AuditEvent.DENIED, why, breakGlass, detail);
        }

        /** Granted, but the action could not be done (e.g. a stale version, a state that does not allow it). */
        public Access failed(String why) {
            return new Access(action, patientMrn, documentId, AuditEvent.FAILURE, why, breakGlass, detail);
        }

        public Access brokeGlass(String why) {
            return new Access(action, patientMrn, documentId, outcome, why, true, detail);
        }

        public Access withDetail(String text) {
            return new Access(action, patientMrn, documentId, outcome, reason, breakGlass, text);
        }
    }

    public void record(HttpRequest<?> request, Authentication user, Access access) {
        String name = user == null ? "anonymous" : user.getName();
        List<String> roles = user == null ? List.of() : List.copyOf(user.getRoles());
        record(request, name, roles, access);
    }

    public void record(HttpRequest<?> request, String user, List<String> roles, Access access) {
        String resource = request.getMethodName() + " " + request.getPath();
        String address = request.getRemoteAddress().getAddress() == null ? ""
                : request.getRemoteAddress().getAddress().getHostAddress();
        log.append(new AuditEvent(clock.instant(), user, roles, access.action(), resource, access.patientMrn(),
                access.documentId(), address, access.outcome(), access.reason(), access.breakGlass(),
                access.detail()));
        request.setAttribute(AUDITED, Boolean.TRUE);
    }
}
