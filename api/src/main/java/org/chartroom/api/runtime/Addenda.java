package org.chartroom.api.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.chartroom.core.document.Addendum;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.Signature;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PreconditionFailedException;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.pipeline.DocumentStore;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Page;

/**
 * Addenda to a signed document: the author adds to the record without touching what they signed. Each addendum is
 * a new version whose text is the signed text, unchanged, followed by the addendum between delimiters (who, when,
 * why; {@link AddendumText}); it is annotated and indexed (search follows the latest version), every earlier version
 * stays in the record, and the state becomes AMENDED.
 *
 * <p><b>Written and signed in one step.</b> The author's attestation comes with the addendum and the version is
 * signed as it is made, in one atomic update: there is never an unsigned text on top of a signed document, no
 * half-done state to resume, and no new state. So only the author writes one (a transcriptionist who typed a dictated
 * addendum hands the text to the physician, who sends it); an addendum is the author's own statement.
 *
 * <p><b>Retries.</b> The addendum names the version it adds to ({@code If-Match}); a retry of one that was made
 * (same author, reason and words on the same version) answers with the version made and adds nothing; any other
 * addendum to an older version is a 412.
 *
 * <p>Thread-safe.
 */
public final class Addenda {
    private final RecordUpdates updates;
    private final ClinicalAnnotator annotator;
    private final AddendumText layout;
    private final Clock clock;

    public Addenda(DocumentStore store, ClinicalAnnotator annotator, Clock clock) {
        this(store, annotator, AddendumText.builtIn(), clock);
    }

    Addenda(DocumentStore store, ClinicalAnnotator annotator, AddendumText layout, Clock clock) {
        this.updates = new RecordUpdates(store);
        this.annotator = Objects.requireNonNull(annotator, "annotator");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds {@code text} to version {@code basedOn} as a new version signed by its author.
     *
     * @param author      the document's author (the caller checks it is them)
     * @param reason      why it is added
     * @param attestation what the author attests in signing it
     * @throws InvalidInputException       when the text, the reason or the attestation is missing or malformed
     * @throws PreconditionFailedException when {@code basedOn} is not the latest version
     * @throws ConflictException           when the document is not signed
     */
    public Change add(DocumentId id, int basedOn, Signer author, String text, String reason, String attestation) {
        DraftRevisions.checkText("the addendum", text,
                "{\"text\": \"…\", \"reason\": \"…\", \"attestation\": \"…\"}");
        String why = Addendum.checkedReason(reason);
        Signature.checkedAttestation(attestation);
        DocumentRecord before = updates.current(id);
        amendable(before);
        DocumentVersion base = before.version(basedOn).orElseThrow(() -> new PreconditionFailedException("document "
                + id + " has no version " + basedOn + "; send the ETag of its latest version"));
        DocumentVersion latestBefore = before.latest().orElseThrow();
        if (latestBefore.number() != basedOn) {
            // Before annotating for nothing: a retry answers with what it made, anything else is stale.
            if (isRetry(before, latestBefore, base, author, why, text)) {
                return new Change(before, false);
            }
            Signing.latestNamed(before, basedOn, "amended");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int number = basedOn + 1;
        String composed = layout.compose(base.text(), number, author, now, why, text);
        // Annotating takes a while: before the document's lock. The version check comes after.
        Annotation annotation = annotator.annotate(composed);
        return updates.apply(id, current -> {
            amendable(current);
            DocumentVersion latest = current.latest().orElseThrow();
            if (latest.number() != basedOn && isRetry(current, latest, base, author, why, text)) {
                return current;
            }
            Signing.latestNamed(current, basedOn, "amended");
            if (current.signatureOf(basedOn).filter(s -> s.matches(latest)).isEmpty()) {
                throw new ConflictException("version " + basedOn + " of document " + id + " is not signed; the"
                        + " author signs it before adding to it");
            }
            DocumentVersion made = new DocumentVersion(number, now, author.user(), DocumentVersion.ADDENDUM, composed,
                    List.of(new Page(1, composed, false, null)), annotation);
            return current.withAddendum(made, new Addendum(number, author.user(), author.name(), now, why,
                    base.text().length()), Signature.of(made, author.user(), author.name(), now, attestation), now);
        });
    }

    /** Whether the latest version is this very addendum, made by an earlier try of the same request. */
    private boolean isRetry(DocumentRecord current, DocumentVersion latest, DocumentVersion base, Signer author,
                            String reason, String text) {
        return latest.number() == base.number() + 1 && current.addendumOf(latest.number())
                .filter(a -> a.author().equals(author.user()) && a.reason().equals(reason))
                .map(a -> latest.text().equals(layout.compose(base.text(), latest.number(), author, a.writtenAt(),
                        reason, text)))
                .orElse(false);
    }

    private static void amendable(DocumentRecord current) {
        DocumentState state = current.state();
        if (!state.isSigned()) {
            throw new ConflictException("document " + current.id() + " is " + state.code() + "; addenda are added to"
                    + " signed documents" + switch (state) {
                        case DRAFT -> ": correct the draft instead (PUT …/draft)";
                        case PENDING_SIGNATURE -> ": sign it first (POST …/signature)";
                        case FAILED -> " (processing failed: upload it again)";
                        default -> "";
                    });
        }
    }
}
