package org.chartroom.api.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import org.chartroom.api.audit.Auditor;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.audit.AuditEvent;

/**
 * Every refused request (401 or 403, whether the security filter or a controller refused it) becomes an audit event.
 * Runs outside the security filter so that it sees the final answer.
 */
@ServerFilter("/**")
final class DeniedAccessAudit implements Ordered {
    private final Auditor auditor;

    DeniedAccessAudit(Auditor auditor) {
        this.auditor = auditor;
    }

    @ResponseFilter
    void audit(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status != HttpStatus.UNAUTHORIZED.getCode() && status != HttpStatus.FORBIDDEN.getCode()) {
            return;
        }
        if (request.getAttribute(Auditor.AUDITED).isPresent() || request.getPath().equals("/login")) {
            return;  // failed logins are audited with their cause by LocalAuthentication
        }
        Authentication user = request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class)
                .orElse(null);
        String why = status == HttpStatus.UNAUTHORIZED.getCode() ? "not authenticated" : "not permitted";
        auditor.record(request, user, new Auditor.Access(AuditAction.ACCESS, "", "", AuditEvent.DENIED, why, false, ""));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
