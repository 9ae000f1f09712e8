package org.chartroom.core.document;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A coder's final code set for one version of a document: every suggested code accepted or rejected, and the codes
 * added by hand, with who and when. A later version (an addendum) does not change it: the review stays the one made
 * for {@code version}, and the document shows it is out of date ({@link ReviewStatus#OUTDATED}).
 *
 * @param version             the version reviewed
 * @param reviewedBy          the coder's user id
 * @param reviewedAt          when
 * @param codes               the decisions, in the coder's order
 * @param checkedAgainstIndex whether the added codes were checked against an ICD-10-CM code index (without one only
 *                            their form is checked)
 */
public record CodeReview(int version, String reviewedBy, Instant reviewedAt, List<ReviewedCode> codes,
                         boolean checkedAgainstIndex) {
    public CodeReview {
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        reviewedBy = Objects.requireNonNullElse(reviewedBy, "");
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    /** The codes that stand: accepted and added, in the coder's order. */
    public List<String> finalCodes() {
        return codes.stream().filter(c -> c.decision().isFinal()).map(ReviewedCode::code).toList();
    }

    /** Whether {@code other} is for the same version with the same decisions and reasons, in any order. */
    public boolean decidesAlike(CodeReview other) {
        return other.version == version && codes.size() == other.codes.size()
                && new HashSet<>(decisions()).equals(new HashSet<>(other.decisions()));
    }

    private List<List<Object>> decisions() {
        return codes.stream().map(c -> List.<Object>of(c.code(), c.decision(), c.reason())).toList();
    }
}
