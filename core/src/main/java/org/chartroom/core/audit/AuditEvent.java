package org.chartroom.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the audit trail: who did what to which patient's record, when, from where, with what outcome and
 * why. The trail is itself PHI (it names patients) and is kept at least as long as the records.
 *
 * @param time          when
 * @param user          the user id ({@code anonymous} before login, {@code cli:<os user>} for command-line access)
 * @param roles         the user's roles at the time
 * @param action        what was done
 * @param resource      what was acted on (e.g. {@code GET /api/documents/{id}}, {@code search})
 * @param patientMrn    the patient, when one is concerned; empty otherwise
 * @param documentId    the document, when one is concerned; empty otherwise
 * @param clientAddress where the request came from; empty for the command line
 * @param outcome       {@code success}, {@code failure} or {@code denied}
 * @param reason        why: the break-the-glass reason, the cause of a failure or denial; empty otherwise
 * @param breakGlass    true when access was granted only because the user broke the glass
 * @param detail        what else identifies the access (e.g. a search's query and filters and its hit count)
 */
public record AuditEvent(Instant time, String user, List<String> roles, AuditAction action, String resource,
                         String patientMrn, String documentId, String clientAddress, String outcome, String reason,
                         boolean breakGlass, String detail) {
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String DENIED = "denied";

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        user = Objects.requireNonNullElse(user, "anonymous");
        roles = List.copyOf(roles);
        resource = Objects.requireNonNullElse(resource, "");
        patientMrn = Objects.requireNonNullElse(patientMrn, "");
        documentId = Objects.requireNonNullElse(documentId, "");
        clientAddress = Objects.requireNonNullElse(clientAddress, "");
        outcome = Objects.requireNonNullElse(outcome, SUCCESS);
        reason = Objects.requireNonNullElse(reason, "");
        detail = Objects.requireNonNullElse(detail, "");
    }
}
