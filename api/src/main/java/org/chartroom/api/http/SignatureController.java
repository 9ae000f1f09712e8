package org.chartroom.api.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.function.Supplier;
import org.chartroom.api.audit.Auditor;
import org.chartroom.api.runtime.Change;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.runtime.Signer;
import org.chartroom.api.security.AccessPolicy;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.Signature;
import org.chartroom.core.error.ChartroomException;

/**
 * The author's signature and addenda. Only physicians, and of them only the document's author: breaking the glass
 * opens a record for reading, never for signing. Each change names the version it is made to ({@code If-Match}
 * required); every attempt is audited, refused ones with their reason.
 */
@Controller("/api/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"PHYSICIAN"})
final class SignatureController {
    private final ChartroomRuntime runtime;
    private final RecordAccess access;
    private final AccessPolicy policy;
    private final Auditor auditor;

    SignatureController(ChartroomRuntime runtime, RecordAccess access, AccessPolicy policy, Auditor auditor) {
        this.runtime = runtime;
        this.access = access;
        this.policy = policy;
        this.auditor = auditor;
    }

    /** The body of a signature: what the author attests. */
    record SignatureRequest(String attestation) {
    }

    /** The body of an addendum: the author's words, why, and what they attest in signing it. */
    record AddendumRequest(String text, String reason, String attestation) {
    }

    /**
     * Signs the version named by {@code If-Match}: PENDING_SIGNATURE → SIGNED. Signing a version that is signed
     * already answers with its signature and changes nothing.
     */
    @Post(uri = "/{id}/signature", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<SigningViews.Signed> sign(HttpRequest<?> request, Authentication user, @PathVariable String id,
                                           @Nullable @Header(VersionTag.IF_MATCH) String ifMatch,
                                           @Nullable @Body SignatureRequest body) {
        DocumentRecord record = access.authored(request, user, id, "sign it");
        Change done = audited(request, user, record, "signature", () -> runtime.signing().sign(record.id(),
                VersionTag.required(ifMatch), signer(user), body == null ? null : body.attestation()));
        return DraftController.withTag(HttpResponse.ok(SigningViews.Signed.of(done.record())),
                done.record().latest().orElseThrow());
    }

    /**
     * Adds an addendum to the signed version named by {@code If-Match} and signs it: a new version (201, its
     * location), AMENDED. A retry of an addendum that was made answers 200 with it.
     */
    @Post(uri = "/{id}/addenda", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<SigningViews.Signed> addendum(HttpRequest<?> request, Authentication user, @PathVariable String id,
                                               @Nullable @Header(VersionTag.IF_MATCH) String ifMatch,
                                               @Nullable @Body AddendumRequest body) {
        DocumentRecord record = access.authored(request, user, id, "add an addendum to it");
        AddendumRequest given = body == null ? new AddendumRequest(null, null, null) : body;
        Change done = audited(request, user, record, "addendum", () -> runtime.addenda().add(record.id(),
                VersionTag.required(ifMatch), signer(user), given.text(), given.reason(), given.attestation()));
        SigningViews.Signed view = SigningViews.Signed.of(done.record());
        return DraftController.withTag(done.changed() ? HttpResponse.created(view,
                URI.create(view.addendum().location())) : HttpResponse.ok(view), done.record().latest().orElseThrow());
    }

    private Signer signer(Authentication user) {
        return new Signer(user.getName(), policy.authorOf(user));
    }

    /** Runs the change and audits it as a write: what it did, or why it was refused. */
    private Change audited(HttpRequest<?> request, Authentication user, DocumentRecord record, String what,
                           Supplier<Change> change) {
        Auditor.Access audit = Auditor.Access.of(AuditAction.WRITE, record.metadata().patientMrn(),
                record.id().value()).withDetail(what);
        Change done;
        try {
            done = change.get();
        } catch (ChartroomException e) {
            auditor.record(request, user, audit.failed(e.getMessage()));
            throw e;
        }
        int version = done.record().latest().orElseThrow().number();
        String digest = done.record().signatureOf(version).map(Signature::textSha256).orElse("");
        auditor.record(request, user, audit.withDetail(what + (done.changed() ? " signed" : " already signed")
                + ", version " + version + ", sha256 " + digest));
        return done;
    }
}
