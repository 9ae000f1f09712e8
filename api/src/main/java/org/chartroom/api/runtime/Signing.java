package org.chartroom.api.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.Signature;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PreconditionFailedException;
import org.chartroom.core.pipeline.DocumentStore;

/**
 * The author's signature: PENDING_SIGNATURE → SIGNED. The signature (who, when, the version, the SHA-256 of its exact
 * text, the attestation) is kept in the record; from then on the text is final (corrections are refused, an addendum
 * is the way to add to it).
 *
 * <ul>
 *   <li><b>The version signed is the one read.</b> The signer names it ({@code If-Match}); it must still be the latest
 *       when the signature is written, in the same atomic update ({@link DocumentStore#update}), else 412.</li>
 *   <li><b>Once.</b> Signing a version that is signed already changes nothing and answers with its signature, so a
 *       retried request is harmless.</li>
 *   <li><b>Who</b> is the caller's business: only the author signs, and breaking the glass never lets anyone else.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class Signing {
    private final RecordUpdates updates;
    private final Clock clock;

    public Signing(DocumentStore store, Clock clock) {
        this.updates = new RecordUpdates(store);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Signs version {@code basedOn}.
     *
     * @throws InvalidInputException       when the attestation is missing or malformed
     * @throws PreconditionFailedException when {@code basedOn} is not the latest version
     * @throws ConflictException           when the document is not pending signature (nor signed at that version)
     */
    public Change sign(DocumentId id, int basedOn, Signer signer, String attestation) {
        Objects.requireNonNull(signer, "signer");
        Signature.checkedAttestation(attestation);
        return updates.apply(id, current -> {
            DocumentState state = current.state();
            if (state != DocumentState.PENDING_SIGNATURE && !state.isSigned()) {
                throw new ConflictException("document " + current.id() + " is " + state.code() + "; only a document"
                        + " pending signature can be signed" + whatToDoFirst(state));
            }
            DocumentVersion latest = latestNamed(current, basedOn, "signed");
            if (current.signatureOf(latest.number()).isPresent()) {
                return current;
            }
            Instant now = clock.instant();
            return current.withSignature(Signature.of(latest, signer.user(), signer.name(), now, attestation),
                    state.isSigned() ? state : DocumentState.SIGNED, now);
        });
    }

    /**
     * The latest version, checked to be {@code basedOn}.
     *
     * @param what what is being done to it, for the message (e.g. {@code "signed"})
     * @throws ConflictException           when there is no version yet
     * @throws PreconditionFailedException when {@code basedOn} is not the latest
     */
    static DocumentVersion latestNamed(DocumentRecord current, int basedOn, String what) {
        DocumentVersion latest = current.latest().orElseThrow(() -> new ConflictException("document " + current.id()
                + " has no text to be " + what + (current.state() == DocumentState.FAILED
                ? ": processing failed (upload it again)" : " yet")));
        if (latest.number() != basedOn) {
            throw new PreconditionFailedException("version " + basedOn + " is not the latest: version "
                    + latest.number() + " was made by " + latest.createdBy() + " at " + latest.createdAt()
                    + "; read the document again and send the ETag of the version you mean");
        }
        return latest;
    }

    private static String whatToDoFirst(DocumentState state) {
        return switch (state) {
            case DRAFT -> ": send it for signature first (POST …/ready-for-signature with its ETag), then sign";
            case FAILED -> ": processing failed (upload it again)";
            default -> "";
        };
    }
}
