package org.chartroom.api.http;

import java.time.Instant;
import java.util.List;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.ReviewStatus;
import org.chartroom.core.document.ReviewedCode;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.CodeSuggestion;

/** The JSON shapes of coders' reviews: with a document, and as the coder's work view of one. */
final class CodeReviewViews {
    private CodeReviewViews() {
    }

    /** One decision: the code, its description, {@code accepted}, {@code rejected} or {@code added}, and why. */
    record Entry(String code, String description, String decision, String reason) {
        static Entry of(ReviewedCode c) {
            return new Entry(c.code(), c.description(), c.decision().code(), c.reason());
        }
    }

    /**
     * The review that stands.
     *
     * @param current false when it was made for an earlier version than the latest (an addendum came after it)
     */
    record Review(int version, boolean current, String reviewedBy, Instant reviewedAt, boolean checkedAgainstIndex,
                  List<String> finalCodes, List<Entry> codes) {
        static Review of(DocumentRecord r) {
            int latest = r.latest().map(DocumentVersion::number).orElse(0);
            return r.latestReview().map(v -> new Review(v.version(), v.version() == latest, v.reviewedBy(),
                    v.reviewedAt(), v.checkedAgainstIndex(), v.finalCodes(),
                    v.codes().stream().map(Entry::of).toList())).orElse(null);
        }
    }

    /** The review status of a record ({@code unreviewed}, {@code reviewed}, {@code outdated}); null until signed. */
    static String status(DocumentRecord r) {
        return ReviewStatus.of(r).map(ReviewStatus::code).orElse(null);
    }

    /**
     * What a coder works from: the latest version (send its ETag with the review), the codes suggested for it with
     * their evidence, and the review that stands.
     */
    record Codes(String id, String state, int version, String etag, String review, List<CodeSuggestion> suggestions,
                 Review reviewed) {
        static Codes of(DocumentRecord r, DocumentVersion latest) {
            Annotation a = latest.annotation() == null ? Annotation.EMPTY : latest.annotation();
            return new Codes(r.id().value(), r.state().code(), latest.number(), VersionTag.of(latest.number()),
                    status(r), a.codes(), Review.of(r));
        }
    }
}
