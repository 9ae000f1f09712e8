package org.chartroom.api.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PayloadTooLargeException;
import org.chartroom.core.error.PreconditionFailedException;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.pipeline.DocumentStore;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Page;

/**
 * The correction workflow of a draft: a transcriptionist (or the author) saves corrected text, each save a new
 * version with who and when; then the draft goes to the physician for signature.
 *
 * <ul>
 *   <li><b>No lost update.</b> A save names the version it was made to; the check that it is still the latest and the
 *       write happen in one {@link DocumentStore#update} (atomic per document), so of two saves made to the same
 *       version exactly one wins and the other gets {@link PreconditionFailedException} (412).</li>
 *   <li><b>The index follows the latest version.</b> The text is annotated again (sections, concepts, codes) before
 *       the write; the store indexes the latest version only, and the old text stays in the stored record.</li>
 *   <li><b>Durable before answered.</b> Each change is committed and made searchable before the method returns.</li>
 *   <li><b>States.</b> Only a DRAFT is corrected or sent for signature; anything else is a {@link ConflictException}
 *       (409) saying why (a signed text changes only by an addendum: see {@link Addenda}).</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class DraftRevisions {
    /** The longest corrected text accepted (a long discharge summary is some 50,000 characters). */
    static final int MAX_TEXT_CHARS = 1_000_000;

    private final RecordUpdates updates;
    private final ClinicalAnnotator annotator;
    private final Clock clock;

    public DraftRevisions(DocumentStore store, ClinicalAnnotator annotator, Clock clock) {
        this.updates = new RecordUpdates(store);
        this.annotator = Objects.requireNonNull(annotator, "annotator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The annotator every person's text is annotated with (shared with the addenda). */
    ClinicalAnnotator annotator() {
        return annotator;
    }

    /**
     * Saves {@code text} as the next version of a draft.
     *
     * @param basedOn the version the text was corrected from (the client's {@code If-Match})
     * @param user    who saved it (the user id recorded as the version's author)
     * @throws InvalidInputException       when the text is blank
     * @throws PayloadTooLargeException    when it is longer than {@value #MAX_TEXT_CHARS} characters
     * @throws PreconditionFailedException when {@code basedOn} is not the latest version
     * @throws ConflictException           when the document is not a draft
     */
    public Change correct(DocumentId id, int basedOn, String text, String user) {
        checkText("the corrected text", text, "{\"text\": \"…\"} with the whole note");
        // Annotating takes a while: do it before taking the document's lock. The version check comes after.
        Annotation annotation = annotator.annotate(text);
        return updates.apply(id, current -> {
            DocumentVersion latest = editable(current, basedOn, "corrected");
            if (latest.text().equals(text)) {
                return current;
            }
            Instant now = clock.instant();
            return current.withVersion(new DocumentVersion(latest.number() + 1, now, user, DocumentVersion.EDIT, text,
                    List.of(new Page(1, text, false, null)), annotation), DocumentState.DRAFT, now);
        });
    }

    /**
     * Checks a text a person wrote (a correction, an addendum) before anything is done with it.
     *
     * @param what names it in the error, e.g. {@code "the corrected text"}
     * @param hint what to send, e.g. {@code {"text": "…"}}
     * @throws InvalidInputException    when it is blank
     * @throws PayloadTooLargeException when it is longer than {@value #MAX_TEXT_CHARS} characters
     */
    static void checkText(String what, String text, String hint) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(what + " is empty; send " + hint);
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new PayloadTooLargeException(what + " is longer than " + MAX_TEXT_CHARS + " characters");
        }
    }

    /**
     * Moves a draft to PENDING_SIGNATURE: it is ready for its author to sign.
     *
     * @param basedOn the version the sender reviewed, when they name one (a newer save then refuses the move)
     * @throws PreconditionFailedException when {@code basedOn} is given and not the latest version
     * @throws ConflictException           when the document is not a draft
     */
    public DocumentRecord readyForSignature(DocumentId id, OptionalInt basedOn) {
        return updates.apply(id, current -> {
            editable(current, basedOn.orElse(current.latest().map(DocumentVersion::number).orElse(0)),
                    "sent for signature");
            return current.withState(DocumentState.PENDING_SIGNATURE, clock.instant());
        }).record();
    }

    /** The latest version of a draft, checked to be {@code basedOn}. */
    private static DocumentVersion editable(DocumentRecord current, int basedOn, String what) {
        if (current.state().isSigned()) {
            throw new ConflictException("document " + current.id() + " is " + current.state().code() + ": its signed"
                    + " text cannot be " + what + "; the author adds to it with an addendum (POST /api/documents/"
                    + current.id() + "/addenda)");
        }
        if (current.state() != DocumentState.DRAFT) {
            throw new ConflictException("document " + current.id() + " is " + current.state().code()
                    + "; only a draft can be " + what
                    + (current.state() == DocumentState.FAILED ? " (processing failed: upload it again)" : ""));
        }
        DocumentVersion latest = current.latest().orElseThrow(() -> new ConflictException("document "
                + current.id() + " has no text yet"));
        if (latest.number() != basedOn) {
            throw new PreconditionFailedException("version " + basedOn + " is not the latest: version "
                    + latest.number() + " was saved by " + latest.createdBy() + " at " + latest.createdAt()
                    + "; fetch the draft again, merge your change into it and send it with its ETag");
        }
        return latest;
    }
}
