package org.chartroom.api.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.security.Role;

/**
 * Who may see which patient's record, beyond the role check every endpoint makes.
 *
 * <p>Transcriptionists, coders and HIM staff work across all patients (their job needs it). A physician sees the
 * documents they authored (the author field matches their username or display name); any other record opens only
 * when they break the glass: the request carries {@value #BREAK_GLASS_HEADER} with a reason of at least
 * {@value #MIN_REASON} characters, and the access is flagged in the audit trail for review.
 */
@Singleton
public final class AccessPolicy {
    public static final String BREAK_GLASS_HEADER = "X-Break-Glass-Reason";
    static final int MIN_REASON = 10;

    /** The decision for one record. */
    public enum Decision { ALLOWED, BREAK_GLASS, DENIED }

    /** The reason given to break the glass, if any; a too-short reason is refused outright. */
    public Optional<String> breakGlassReason(HttpRequest<?> request) {
        String reason = request.getHeaders().get(BREAK_GLASS_HEADER);
        if (reason == null || reason.isBlank()) {
            return Optional.empty();
        }
        if (reason.strip().length() < MIN_REASON) {
            throw new InvalidInputException(BREAK_GLASS_HEADER + " must give a reason of at least " + MIN_REASON
                    + " characters");
        }
        return Optional.of(reason.strip());
    }

    public Decision decide(Authentication user, DocumentMetadata document, boolean breakingGlass) {
        if (worksAcrossPatients(user)) {
            return Decision.ALLOWED;
        }
        if (!user.getRoles().contains(Role.PHYSICIAN.name())) {
            return Decision.DENIED;
        }
        if (isAuthor(user, document.author())) {
            return Decision.ALLOWED;
        }
        return breakingGlass ? Decision.BREAK_GLASS : Decision.DENIED;
    }

    /** True for roles whose work spans all patients. */
    public boolean worksAcrossPatients(Authentication user) {
        return user.getRoles().contains(Role.TRANSCRIPTIONIST.name()) || user.getRoles().contains(Role.CODER.name())
                || user.getRoles().contains(Role.HIM.name());
    }

    /** The author value under which a physician's own documents are filed. */
    public String authorOf(Authentication user) {
        Object display = user.getAttributes().get(LocalAuthentication.DISPLAY_NAME);
        return display == null ? user.getName() : display.toString();
    }

    /** Whether the user wrote the document: a physician whose username or display name is its author. */
    public boolean isAuthor(Authentication user, DocumentMetadata document) {
        return user.getRoles().contains(Role.PHYSICIAN.name()) && isAuthor(user, document.author());
    }

    private boolean isAuthor(Authentication user, String author) {
        return author.equalsIgnoreCase(user.getName()) || author.equalsIgnoreCase(authorOf(user));
    }
}
