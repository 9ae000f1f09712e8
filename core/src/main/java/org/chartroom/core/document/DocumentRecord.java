package org.chartroom.core.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the store keeps about one document: its metadata, original, state and versions.
 *
 * @param failureReason why the pipeline could not finish; empty unless {@code state} is FAILED
 * @param versions      oldest first; empty while the document has not been processed
 */
public record DocumentRecord(DocumentId id, DocumentMetadata metadata, Original original, DocumentState state,
                             String failureReason, List<DocumentVersion> versions, Instant updatedAt) {
    public DocumentRecord {
        versions = List.copyOf(versions);
        failureReason = failureReason == null ? "" : failureReason;
    }

    public Optional<DocumentVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The record of an upload that intake accepted but the pipeline has not finished yet. */
    public static DocumentRecord pending(IntakeRecord intake, DocumentState state) {
        return new DocumentRecord(intake.id(), intake.metadata(), intake.original(), state, "", List.of(),
                intake.original().receivedAt());
    }
}
