package org.chartroom.api.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chartroom.api.audit.Auditor;
import org.chartroom.api.security.AccessPolicy;
import org.chartroom.api.security.UserAccount;
import org.chartroom.api.security.UserDirectory;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.security.Role;

/** Who am I (any signed-in user) and account administration (ADMIN). Hashes never leave the server. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AccountController {
    private final UserDirectory users;
    private final Auditor auditor;
    private final AccessPolicy policy;

    AccountController(UserDirectory users, Auditor auditor, AccessPolicy policy) {
        this.users = users;
        this.auditor = auditor;
        this.policy = policy;
    }

    record Me(String username, String displayName, List<String> roles) {
    }

    record Account(String username, String displayName, Set<String> roles, Instant createdAt, boolean disabled,
                   boolean locked) {
        static Account of(UserAccount a) {
            return new Account(a.username(), a.displayName(), a.roleNames(), a.createdAt(), a.disabled(),
                    Instant.now().isBefore(a.lockedUntil()));
        }
    }

    record NewAccount(String username, String displayName, List<String> roles, String password) {
    }

    @Get(uri = "/me", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Me me(Authentication user) {
        return new Me(user.getName(), policy.authorOf(user), user.getRoles().stream().sorted().toList());
    }

    @Get(uri = "/users", produces = MediaType.APPLICATION_JSON)
    @Secured("ADMIN")
    List<Account> list(HttpRequest<?> request, Authentication user) {
        auditor.record(request, user, Auditor.Access.of(AuditAction.ADMINISTER, "", "").withDetail("list users"));
        return users.list().stream().map(Account::of).toList();
    }

    @Post(uri = "/users", produces = MediaType.APPLICATION_JSON)
    @Secured("ADMIN")
    HttpResponse<Account> create(HttpRequest<?> request, Authentication user, @Body NewAccount body) {
        if (body == null || body.password() == null || body.roles() == null) {
            throw new InvalidInputException("send {\"username\", \"displayName\", \"roles\": [...], \"password\"}");
        }
        Set<Role> roles = body.roles().stream().map(Role::parse).collect(Collectors.toSet());
        UserAccount created = users.add(body.username(), body.displayName(), roles, body.password().toCharArray());
        auditor.record(request, user, Auditor.Access.of(AuditAction.ADMINISTER, "", "")
                .withDetail("created user " + created.username() + " with roles " + created.roleNames()));
        return HttpResponse.created(Account.of(created));
    }

    @Post(uri = "/users/{username}/disable", produces = MediaType.APPLICATION_JSON)
    @Secured("ADMIN")
    Account disable(HttpRequest<?> request, Authentication user, @PathVariable String username) {
        users.setDisabled(username, true);
        auditor.record(request, user, Auditor.Access.of(AuditAction.ADMINISTER, "", "")
                .withDetail("disabled user " + username));
        return Account.of(users.find(username).orElseThrow());
    }
}
