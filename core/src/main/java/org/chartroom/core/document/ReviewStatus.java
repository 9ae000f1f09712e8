package org.chartroom.core.document;

import java.util.Locale;
import java.util.Optional;
import org.chartroom.core.error.InvalidInputException;

/**
 * Where a signed document stands with coding (codes are reviewed on signed documentation only): searchable, counted as
 * a facet, shown with the document.
 */
public enum ReviewStatus {
    /** Signed, and no coder has reviewed its codes yet. */
    UNREVIEWED,
    /** The latest version's codes are reviewed. */
    REVIEWED,
    /** The codes were reviewed for an earlier version; a later one (an addendum) waits for review. */
    OUTDATED;

    /** The wire and index form, e.g. {@code outdated}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a record; empty until it is signed (and for records without text). */
    public static Optional<ReviewStatus> of(DocumentRecord record) {
        if (!record.state().isSigned()) {
            return Optional.empty();
        }
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
