package org.chartroom.api.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.chartroom.api.audit.Auditor;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.NotFoundException;

/**
 * Intake and retrieval of documents. Thin: validates, authorizes, audits, delegates to the runtime, shapes the answer.
 * Every read of a record goes through {@link RecordAccess} and is audited, including refusals.
 */
@Controller("/api/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"PHYSICIAN", "TRANSCRIPTIONIST", "CODER", "HIM"})
final class DocumentController {
    private final ChartroomRuntime runtime;
    private final RecordAccess access;
    private final Auditor auditor;

    DocumentController(ChartroomRuntime runtime, RecordAccess access, Auditor auditor) {
        this.runtime = runtime;
        this.access = access;
        this.auditor = auditor;
    }

    /** The record, if this user may see it; the access (or the refusal) is audited either way. */
    private DocumentRecord authorized(HttpRequest<?> request, Authentication user, String id, AuditAction action) {
        return access.read(request, user, id, action);
    }

    /**
     * Accepts an upload: the {@code file} part and a {@code metadata} JSON part. Answers 202 only after the original
     * is durably stored; processing continues in the background (poll the Location).
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    @Secured({"PHYSICIAN", "TRANSCRIPTIONIST", "HIM"})
    HttpResponse<DocumentViews.Accepted> upload(HttpRequest<?> request, Authentication user,
                                                @Part("file") CompletedFileUpload file,
                                                @Part("metadata") String metadata) {
        DocumentMetadata parsed = MetadataForm.parse(metadata);
        IntakeRecord intake;
        try (InputStream content = file.getInputStream()) {
            intake = runtime.intake().accept(parsed, file.getFilename(), user.getName(), content);
            auditor.record(request, user, Auditor.Access.of(AuditAction.WRITE, parsed.patientMrn(),
                    intake.id().value()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed", e);
        }
        // No file.discard() here: Micronaut releases the upload (and deletes its disk buffer) once the response is
        // written, and releasing it twice logs an IllegalReferenceCountException for every upload.
        DocumentViews.Accepted body = DocumentViews.Accepted.of(intake);
        return HttpResponse.accepted(URI.create(body.location())).body(body);
    }

    /** The document; once it has text, its latest version's ETag (what a signature or review sends as If-Match). */
    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<DocumentViews.Document> get(HttpRequest<?> request, Authentication user, @PathVariable String id) {
        DocumentRecord record = authorized(request, user, id, AuditAction.READ);
        DocumentViews.Document view = DocumentViews.Document.of(record, runtime.progress(record.id()).orElse(null));
        return record.latest().map(latest -> DraftController.withTag(HttpResponse.ok(view), latest))
                .orElseGet(() -> HttpResponse.ok(view));
    }

    @Get(uri = "/{id}/versions/{number}", produces = MediaType.APPLICATION_JSON)
    DocumentViews.Version version(HttpRequest<?> request, Authentication user, @PathVariable String id,
                                  @PathVariable String number) {
        DocumentRecord record = authorized(request, user, id, AuditAction.READ);
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version must be a whole number");
        }
        return record.versions().stream().filter(v -> v.number() == n).findFirst()
                .map(v -> DocumentViews.Version.of(record, v))
                .orElseThrow(() -> new NotFoundException("document " + id + " has no version " + n));
    }

    /** The original file as uploaded, with its detected media type. */
    @Get(uri = "/{id}/original")
    HttpResponse<StreamedFile> original(HttpRequest<?> request, Authentication user, @PathVariable String id) {
        DocumentId documentId = DocumentId.parse(id);
        authorized(request, user, id, AuditAction.DOWNLOAD);
        IntakeRecord intake = runtime.intakeRecord(documentId);
        StreamedFile file = new StreamedFile(runtime.openOriginal(documentId),
                MediaType.of(intake.original().mediaType()));
        return HttpResponse.ok(file).header("Content-Disposition", "attachment; filename=\"" + id + "\"");
    }
}
