package org.chartroom.api.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.io.input.BoundedInputStream;
import org.chartroom.api.audit.Auditor;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.runtime.Change;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.Original;
import org.chartroom.core.error.ChartroomException;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.NotFoundException;

/**
 * The correction workflow of a draft (dictations above all): the audio for playback with byte ranges, the draft with
 * word timings and its ETag, saving a correction as a new version ({@code If-Match} required; a stale one is a 412),
 * and sending the draft for signature. Transcriptionists work on every draft; a physician on their own (reading
 * others' only by breaking the glass, changing them never); HIM staff may listen and read. Every access is audited,
 * failed changes with their reason.
 */
@Controller("/api/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"PHYSICIAN", "TRANSCRIPTIONIST", "HIM"})
final class DraftController {
    private final ChartroomRuntime runtime;
    private final RecordAccess access;
    private final Auditor auditor;

    DraftController(ChartroomRuntime runtime, RecordAccess access, Auditor auditor) {
        this.runtime = runtime;
        this.access = access;
        this.auditor = auditor;
    }

    /** The body of a correction: the whole corrected text. */
    record Correction(String text) {
    }

    /**
     * The dictation's audio as uploaded. Answers a single byte range with 206 (for seeking), a range outside the
     * file with 416, and anything else with the whole file; audited as a download.
     */
    @Get(uri = "/{id}/audio")
    HttpResponse<StreamedFile> audio(HttpRequest<?> request, Authentication user, @PathVariable String id,
                                     @Nullable @Header(HttpHeaders.RANGE) String range) {
        DocumentRecord record = access.read(request, user, id, AuditAction.DOWNLOAD);
        Original original = record.original();
        if (!DocumentViews.isAudio(original)) {
            throw new NotFoundException("document " + id + " is not a dictation (it is " + original.mediaType()
                    + "); its file is at " + DocumentViews.locationOf(id) + "/original");
        }
        Optional<ByteRange> part = ByteRange.parse(range, original.size());
        MediaType type = MediaType.of(original.mediaType());
        long modified = original.receivedAt().toEpochMilli();
        InputStream content = runtime.openOriginal(record.id());
        try {
            MutableHttpResponse<StreamedFile> response;
            if (part.isEmpty()) {
                response = HttpResponse.ok(new StreamedFile(content, type, modified, original.size()));
            } else {
                // Sealed originals decrypt front to back, so a seek reads past the bytes before the range.
                content.skipNBytes(part.get().first());
                InputStream window = BoundedInputStream.builder().setInputStream(content)
                        .setMaxCount(part.get().size()).get();
                response = HttpResponse.<StreamedFile>status(HttpStatus.PARTIAL_CONTENT)
                        .body(new StreamedFile(window, type, modified, part.get().size()))
                        .header(HttpHeaders.CONTENT_RANGE, part.get().contentRange());
            }
            return response.header(HttpHeaders.ACCEPT_RANGES, "bytes")
                    .header(HttpHeaders.ETAG, "\"" + original.sha256() + "\"");
        } catch (IOException | RuntimeException e) {
            closeQuietly(content);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("reading the stored audio failed", io);
            }
            throw (RuntimeException) e;
        }
    }

    /** The latest version with its sections, the transcription's word timings and, as {@code ETag}, its version. */
    @Get(uri = "/{id}/draft", produces = MediaType.APPLICATION_JSON)
    HttpResponse<DocumentViews.Draft> draft(HttpRequest<?> request, Authentication user, @PathVariable String id) {
        DocumentRecord record = access.read(request, user, id, AuditAction.READ);
        DocumentVersion latest = latestOf(record);
        return withTag(HttpResponse.ok(DocumentViews.Draft.of(record, latest)), latest);
    }

    /**
     * Saves a correction: the whole text, made to the version named by {@code If-Match}. A new version (who, when),
     * annotated and indexed before the answer; an unchanged text adds none.
     */
    @Put(uri = "/{id}/draft", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured({"PHYSICIAN", "TRANSCRIPTIONIST"})
    HttpResponse<DocumentViews.Draft> correct(HttpRequest<?> request, Authentication user, @PathVariable String id,
                                              @Nullable @Header(VersionTag.IF_MATCH) String ifMatch,
                                              @Body Correction correction) {
        DocumentRecord record = access.change(request, user, id);
        Auditor.Access audit = Auditor.Access.of(AuditAction.WRITE, record.metadata().patientMrn(), id);
        Change saved;
        try {
            int basedOn = VersionTag.required(ifMatch);
            saved = runtime.drafts().correct(record.id(), basedOn, correction == null ? null : correction.text(),
                    user.getName());
        } catch (ChartroomException e) {
            auditor.record(request, user, audit.withDetail("correction").failed(e.getMessage()));
            throw e;
        }
        DocumentVersion latest = latestOf(saved.record());
        auditor.record(request, user, audit.withDetail(saved.changed()
                ? "correction saved as version " + latest.number() : "correction unchanged, version " + latest.number()));
        return withTag(HttpResponse.ok(DocumentViews.Draft.of(saved.record(), latest)), latest);
    }

    /**
     * Sends a draft to its author for signature: DRAFT → PENDING_SIGNATURE. With {@code If-Match}, only if no one
     * saved a newer version since the sender's review.
     */
    @Post(uri = "/{id}/ready-for-signature", produces = MediaType.APPLICATION_JSON)
    @Secured({"PHYSICIAN", "TRANSCRIPTIONIST"})
    HttpResponse<DocumentViews.Draft> readyForSignature(HttpRequest<?> request, Authentication user,
                                                        @PathVariable String id,
                                                        @Nullable @Header(VersionTag.IF_MATCH) String ifMatch) {
        DocumentRecord record = access.change(request, user, id);
        Auditor.Access audit = Auditor.Access.of(AuditAction.WRITE, record.metadata().patientMrn(), id)
                .withDetail("ready for signature");
        DocumentRecord moved;
        try {
            OptionalInt basedOn = VersionTag.optional(ifMatch);
            moved = runtime.drafts().readyForSignature(record.id(), basedOn);
        } catch (ChartroomException e) {
            auditor.record(request, user, audit.failed(e.getMessage()));
            throw e;
        }
        DocumentVersion latest = latestOf(moved);
        auditor.record(request, user, audit.withDetail("ready for signature, version " + latest.number()));
        return withTag(HttpResponse.ok(DocumentViews.Draft.of(moved, latest)), latest);
    }

    /** The latest version, or a 409 saying why there is none yet. */
    static DocumentVersion latestOf(DocumentRecord record) {
        return record.latest().orElseThrow(() -> new ConflictException(record.state() == DocumentState.FAILED
                ? "document " + record.id() + " has no draft: processing failed (" + record.failureReason() + ")"
                : "document " + record.id() + " has no draft yet (it is " + record.state().code()
                        + "); poll " + DocumentViews.locationOf(record.id().value())));
    }

    /** The response with the version's ETag (what the next change sends as {@code If-Match}). */
    static <T> HttpResponse<T> withTag(MutableHttpResponse<T> response,
                                               DocumentVersion version) {
        return response.header(HttpHeaders.ETAG, VersionTag.of(version.number()));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the request failed already; that error is the one to report
        }
    }
}
