package org.chartroom.api.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.chartroom.api.audit.Auditor;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.security.AccessPolicy;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.error.ForbiddenException;
import org.chartroom.core.security.Role;

/**
 * The patient-level check of the document endpoints, on top of their role checks: {@link AccessPolicy} decides, and
 * every grant or refusal is audited.
 *
 * <p>Reading follows the policy (a physician's own documents; others by breaking the glass). Changing (correcting a
 * draft, sending it for signature) is narrower: a physician changes only the documents they authored — breaking the
 * glass is for reading in an emergency, never for editing someone else's note. Signing and addenda are narrower
 * still: the author alone.
 */
@Singleton
final class RecordAccess {
    private final ChartroomRuntime runtime;
    private final AccessPolicy policy;
    private final Auditor auditor;

    RecordAccess(ChartroomRuntime runtime, AccessPolicy policy, Auditor auditor) {
        this.runtime = runtime;
        this.policy = policy;
        this.auditor = auditor;
    }

    /** The record, if this user may read it; the access (or the refusal) is audited as {@code action}. */
    DocumentRecord read(HttpRequest<?> request, Authentication user, String id, AuditAction action) {
        DocumentRecord record = runtime.document(DocumentId.parse(id));
        Optional<String> glass = policy.breakGlassReason(request);
        Auditor.Access access = Auditor.Access.of(action, record.metadata().patientMrn(), id);
        switch (policy.decide(user, record.metadata(), glass.isPresent())) {
            case ALLOWED -> auditor.record(request, user, access);
            case BREAK_GLASS -> auditor.record(request, user, access.brokeGlass(glass.get()));
            default -> {
                auditor.record(request, user, access.denied("no treatment relationship; break the glass to proceed"));
                throw new ForbiddenException("you have no access to this patient's record; to open it in an "
                        + "emergency, repeat the request with the header " + AccessPolicy.BREAK_GLASS_HEADER
                        + " giving your reason (the access will be reviewed)");
            }
        }
        return record;
    }

    /**
     * The record, if this user may change it. Only a refusal is audited here; the caller audits the change with its
     * outcome once it knows it.
     */
    DocumentRecord change(HttpRequest<?> request, Authentication user, String id) {
        DocumentRecord record = runtime.document(DocumentId.parse(id));
        boolean physicianOnly = !policy.worksAcrossPatients(user) && user.getRoles().contains(Role.PHYSICIAN.name());
        if (physicianOnly && policy.decide(user, record.metadata(), false) != AccessPolicy.Decision.ALLOWED) {
            auditor.record(request, user, Auditor.Access.of(AuditAction.WRITE, record.metadata().patientMrn(), id)
                    .denied("not the author; physicians change only their own documents"));
            throw new ForbiddenException("you can change only documents you authored; ask the author or a"
                    + " transcriptionist");
        }
        return record;
    }

    /**
     * The record, if this user is its author: signing and addenda are the author's alone, whatever else the user may
     * do, and breaking the glass never makes anyone an author. Only a refusal is audited here, as for {@link #change}.
     *
     * @param what what the author alone does, for the refusal (e.g. {@code "sign"})
     */
    DocumentRecord authored(HttpRequest<?> request, Authentication user, String id, String what) {
        DocumentRecord record = runtime.document(DocumentId.parse(id));
        if (!policy.isAuthor(user, record.metadata())) {
            auditor.record(request, user, Auditor.Access.of(AuditAction.WRITE, record.metadata().patientMrn(), id)
                    .denied("not the author; only the author may " + what));
            throw new ForbiddenException("only the document's author may " + what + "; breaking the glass does not"
                    + " change that");
        }
        return record;
    }
}
