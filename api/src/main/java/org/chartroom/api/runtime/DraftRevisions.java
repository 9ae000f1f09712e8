package org.chartroom.api.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.NotFoundException;
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
 *       (409) saying why.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class DraftRevisions {
    /** The longest corrected text accepted (a long discharge summary is some 50,000 characters). */
    static final int MAX_TEXT_CHARS = 1_000_000;

    private final DocumentStore store;
    private final ClinicalAnnotator annotator;
    private final Clock clock;

    public DraftRevisions(DocumentStore store, ClinicalAnnotator annotator, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.annotator = Objects.requireNonNull(annotator, "annotator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a save did: the record as stored, and whether the text differed (an identical save adds no version). */
    public record Saved(DocumentRecord record, boolean changed) {
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
    public Saved correct(DocumentId id, int basedOn, String text, String user) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("the corrected text is empty; send {\"text\": \"…\"} with the whole note");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new PayloadTooLargeException("the corrected text is longer than " + MAX_TEXT_CHARS + " characters");
        }
        // Annotating takes a while: do it before taking the document's lock. The version check comes after.
        Annotation annotation = annotator.annotate(text);
        DocumentRecord saved = update(id, current -> {
            DocumentVersion latest = editable(current, basedOn, "corrected");
            if (latest.text().equals(text)) {
                return current;
            }
            Instant now = clock.instant();
            List<DocumentVersion> versions = new ArrayList<>(current.versions());
            versions.add(new DocumentVersion(latest.number() + 1, now, user, DocumentVersion.EDIT, text,
                    List.of(new Page(1, text, false, null)), annotation));
            return new DocumentRecord(id, current.metadata(), current.original(), DocumentState.DRAFT, "", versions,
                    now);
        });
        // The check passed, so the latest was basedOn before the save: a higher number is the version just added.
        return new Saved(saved, saved.latest().map(DocumentVersion::number).orElse(0) > basedOn);
    }

    /**
     * Moves a draft to PENDING_SIGNATURE: it is ready for its author to sign.
     *
     * @param basedOn the version the sender reviewed, when they name one (a newer save then refuses the move)
     * @throws PreconditionFailedException when {@code basedOn} is given and not the latest version
     * @throws ConflictException           when the document is not a draft
     */
    public DocumentRecord readyForSignature(DocumentId id, OptionalInt basedOn) {
        return update(id, current -> {
            editable(current, basedOn.orElse(current.latest().map(DocumentVersion::number).orElse(0)),
                    "sent for signature");
            return new DocumentRecord(id, current.metadata(), current.original(), DocumentState.PENDING_SIGNATURE,
                    "", current.versions(), clock.instant());
        });
    }

    private DocumentRecord update(DocumentId id, UnaryOperator<DocumentRecord> change) {
        DocumentRecord saved;
        try {
            saved = store.update(id, change);
        } catch (NotFoundException e) {
            // Accepted (the caller found it) but not in the store yet: the pipeline is still working on it.
            throw new ConflictException("document " + id + " is still being processed; wait until its state is"
                    + " draft");
        }
        store.commit();
        store.refresh();
        return saved;
    }

    /** The latest version of a draft, checked to be {@code basedOn}. */
    private static DocumentVersion editable(DocumentRecord current, int basedOn, String what) {
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
