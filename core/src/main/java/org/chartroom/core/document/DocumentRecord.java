package org.chartroom.core.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the store keeps about one document: its metadata, original, state and versions, and what people did
 * with them after the pipeline: signatures, addenda and coders' reviews. Records stored before those existed read
 * back with none.
 *
 * @param failureReason why the pipeline could not finish; empty unless {@code state} is FAILED
 * @param versions      oldest first; empty while the document has not been processed
 * @param signatures    the authors' signatures, oldest first, at most one per version
 * @param addenda       the addenda, oldest first, one per version an addendum made
 * @param codeReviews   the coders' reviews, oldest first; the last one stands
 */
public record DocumentRecord(DocumentId id, DocumentMetadata metadata, Original original, DocumentState state,
                             String failureReason, List<DocumentVersion> versions, Instant updatedAt,
                             List<Signature> signatures, List<Addendum> addenda, List<CodeReview> codeReviews) {
    public DocumentRecord {
        versions = List.copyOf(versions);
        failureReason = failureReason == null ? "" : failureReason;
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
        addenda = addenda == null ? List.of() : List.copyOf(addenda);
        codeReviews = codeReviews == null ? List.of() : List.copyOf(codeReviews);
    }

    /** A record no one has signed, amended or reviewed yet. */
    public DocumentRecord(DocumentId id, DocumentMetadata metadata, Original original, DocumentState state,
                          String failureReason, List<DocumentVersion> versions, Instant updatedAt) {
        this(id, metadata, original, state, failureReason, versions, updatedAt, List.of(), List.of(), List.of());
    }

    public Optional<DocumentVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The version numbered {@code number}, if there is one. */
    public Optional<DocumentVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** The signature of version {@code number}, if it is signed. */
    public Optional<Signature> signatureOf(int number) {
        return signatures.stream().filter(s -> s.version() == number).findFirst();
    }

    /** The addendum that made version {@code number}, if an addendum did. */
    public Optional<Addendum> addendumOf(int number) {
        return addenda.stream().filter(a -> a.version() == number).findFirst();
    }

    /** The coders' review that stands (the last one), if any. */
    public Optional<CodeReview> latestReview() {
        return codeReviews.isEmpty() ? Optional.empty() : Optional.of(codeReviews.get(codeReviews.size() - 1));
    }

    /** This record in another state. */
    public DocumentRecord withState(DocumentState newState, Instant at) {
        return new DocumentRecord(id, metadata, original, newState, "", versions, at, signatures, addenda,
                codeReviews);
    }

    /** This record with {@code version} appended, in {@code newState}. */
    public DocumentRecord withVersion(DocumentVersion version, DocumentState newState, Instant at) {
        return new DocumentRecord(id, metadata, original, newState, "", appended(versions, version), at, signatures,
                addenda, codeReviews);
    }

    /** This record with {@code signature} added, in {@code newState}. */
    public DocumentRecord withSignature(Signature signature, DocumentState newState, Instant at) {
        return new DocumentRecord(id, metadata, original, newState, "", versions, at, appended(signatures, signature),
                addenda, codeReviews);
    }

    /** This record with the version an addendum made, the addendum and its author's signature: AMENDED. */
    public DocumentRecord withAddendum(DocumentVersion version, Addendum addendum, Signature signature, Instant at) {
        return new DocumentRecord(id, metadata, original, DocumentState.AMENDED, "", appended(versions, version), at,
                appended(signatures, signature), appended(addenda, addendum), codeReviews);
    }

    /** This record with {@code review} as the review that stands. */
    public DocumentRecord withCodeReview(CodeReview review, Instant at) {
        return new DocumentRecord(id, metadata, original, state, failureReason, versions, at, signatures, addenda,
                appended(codeReviews, review));
    }

    /** The record of an upload that intake accepted but the pipeline has not finished yet. */
    public static DocumentRecord pending(IntakeRecord intake, DocumentState state) {
        return new DocumentRecord(intake.id(), intake.metadata(), intake.original(), state, "", List.of(),
                intake.original().receivedAt());
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(item);
        return out;
    }
}
