package org.chartroom.core.document;

import java.util.Locale;
import java.util.Optional;
import org.chartroom.core.error.InvalidInputException;

/** Where a document stands with coding: searchable and counted as a facet, shown with the document. */
public enum ReviewStatus {
    /** No coder has reviewed its codes yet. */
    UNREVIEWED,
    /** The latest version's codes are reviewed. */
    REVIEWED,
    /** The codes were reviewed for an earlier version; a later one (an addendum) waits for review. */
    OUTDATED;

    /** The wire and index form, e.g. {@code outdated}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a record; empty while it has no text (received, processing, failed). */
    public static Optional<ReviewStatus> of(DocumentRecord record) {
        return record.latest().map(latest -> record.latestReview()
                .map(review -> review.version() == latest.number() ? REVIEWED : OUTDATED)
                .orElse(UNREVIEWED));
    }

    public static ReviewStatus parse(String text) {
        for (ReviewStatus s : values()) {
            if (text != null && s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new InvalidInputException("unknown review status; use one of unreviewed, reviewed, outdated");
    }
}
