package org.chartroom.api.security;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.chartroom.core.security.Role;

/**
 * A local account. The password is kept only as an Argon2id hash.
 *
 * @param username       the unique user id (lower case letters, digits, '.', '_', '-')
 * @param displayName    the name as it appears on reports they author (a physician's documents carry it as author)
 * @param roles          what the user does
 * @param passwordHash   Argon2id, in the encoder's self-describing format
 * @param disabled       a disabled account cannot log in (accounts are disabled, never deleted: the audit trail
 *                       refers to them)
 * @param failedLogins   consecutive failed logins since the last success
 * @param lockedUntil    no login before this instant (lockout with backoff after repeated failures)
 */
public record UserAccount(String username, String displayName, Set<Role> roles, String passwordHash,
                          Instant createdAt, boolean disabled, int failedLogins, Instant lockedUntil) {
    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public Set<String> roleNames() {
        return roles.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }

    UserAccount withFailure(int failures, Instant lockedUntil) {
        return new UserAccount(username, displayName, roles, passwordHash, createdAt, disabled, failures, lockedUntil);
    }

    UserAccount withSuccess() {
        return new UserAccount(username, displayName, roles, passwordHash, createdAt, disabled, 0, Instant.EPOCH);
    }

    UserAccount withDisabled(boolean value) {
        return new UserAccount(username, displayName, roles, passwordHash, createdAt, value, failedLogins,
                lockedUntil);
    }

    UserAccount withPasswordHash(String hash) {
        return new UserAccount(username, displayName, roles, hash, createdAt, disabled, 0, Instant.EPOCH);
    }
}
