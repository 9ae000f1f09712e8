package org.chartroom.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.chartroom.api.audit.Auditor;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.audit.AuditEvent;

/**
 * Logs users in against the local accounts (Argon2id hashes, lockout with backoff) and audits every attempt. The
 * client learns only "invalid credentials" whatever the cause; the audit trail records the cause.
 */
@Singleton
final class LocalAuthentication<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    static final String DISPLAY_NAME = "displayName";

    private final UserDirectory users;
    private final Auditor auditor;

    LocalAuthentication(UserDirectory users, Auditor auditor) {
        this.users = users;
        this.auditor = auditor;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity();
        UserDirectory.LoginOutcome outcome = users.login(username, credentials.getSecret());
        if (outcome.succeeded()) {
            UserAccount account = outcome.account().get();
            audit(request, account.username(), List.copyOf(account.roleNames()), AuditEvent.SUCCESS, "");
            return AuthenticationResponse.success(account.username(), account.roleNames(),
                    Map.of(DISPLAY_NAME, account.displayName()));
        }
        audit(request, username == null ? "" : username, List.of(), AuditEvent.FAILURE, outcome.reason());
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }

    private void audit(HttpRequest<B> request, String user, List<String> roles, String outcome, String reason) {
        if (request != null) {
            auditor.record(request, user, roles, new Auditor.Access(AuditAction.LOGIN, "", "", outcome, reason,
                    false, ""));
        }
    }
}
