package org.chartroom.core.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.chartroom.core.error.InvalidInputException;

/** What a user does in the HIM department; every endpoint names the roles it serves (deny by default). */
public enum Role {
    /** Uploads and reviews their own patients' reports; others only by breaking the glass. */
    PHYSICIAN,
    /** Works the queue of machine drafts. */
    TRANSCRIPTIONIST,
    /** Searches reports and reviews code suggestions. */
    CODER,
    /** HIM / privacy staff: release of information, retention, audit review. */
    HIM,
    /** Reviews the audit trail; sees no clinical content. */
    AUDITOR,
    /** Manages users, keys and backups; sees no clinical content. */
    ADMIN;

    public static Role parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInputException("unknown role; use one of " + names());
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
