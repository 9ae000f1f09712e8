package org.chartroom.api.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.chartroom.core.document.CodeDecision;
import org.chartroom.core.document.CodeReview;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.ReviewedCode;
import org.chartroom.core.document.Statement;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PreconditionFailedException;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.pipeline.DocumentStore;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.nlp.codes.CodeEntry;
import org.chartroom.nlp.codes.CodeIndex;

/**
 * A coder's review of a document's ICD-10-CM codes: the final code set for one version. Every code suggested for that
 * version is accepted or rejected (with an optional reason), codes the coder assigns by hand are added; the review is
 * kept with who and when, and the one that stands is searchable ({@code final_code}, {@code review}).
 *
 * <ul>
 *   <li><b>Signed text only.</b> Codes go on claims and must rest on authenticated documentation, so a document is
 *       reviewed once signed (SIGNED or AMENDED); before, a 409 says to wait for the signature.</li>
 *   <li><b>For a version.</b> The review names the version ({@code If-Match}), which must be the latest (412); an
 *       addendum afterwards leaves the review in place, shown as made for the earlier version.</li>
 *   <li><b>Checked codes.</b> Added codes are checked against the ICD-10-CM code index of the data directory when
 *       there is one: unknown or non-billable (a category header) is a 422 naming the code. Without an index only the
 *       form is checked, and the review says so.</li>
 *   <li><b>Idempotent.</b> The same decisions for the same version again change nothing.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class CodeReviews {
    /** Billable codes offered when a coder adds a category header. */
    private static final int HINTS = 5;

    private final RecordUpdates updates;
    private final Supplier<Optional<CodeIndex>> index;
    private final Clock clock;

    /** @param index the code index to check added codes against, when there is one (asked at each review) */
    public CodeReviews(DocumentStore store, Supplier<Optional<CodeIndex>> index, Clock clock) {
        this.updates = new RecordUpdates(store);
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One decision as the coder sends it: the code as typed, the decision, and optionally why. */
    public record Decision(String code, String decision, String reason) {
    }

    /**
     * Stores the coder's final code set for version {@code basedOn}.
     *
     * @throws InvalidInputException         when a decision is missing or unknown, a code is listed twice, or a reason
     *                                       is malformed
     * @throws UnprocessableContentException when a code is not an ICD-10-CM code, not billable, not suggested (but
     *                                       accepted or rejected), suggested (but added), or a suggestion has no
     *                                       decision
     * @throws PreconditionFailedException   when {@code basedOn} is not the latest version
     * @throws ConflictException             when the document is not signed
     */
    public Change review(DocumentId id, int basedOn, String coder, List<Decision> decisions) {
        Objects.requireNonNull(decisions, "decisions");
        DocumentRecord before = updates.current(id);
        reviewable(before);
        DocumentVersion version = Signing.latestNamed(before, basedOn, "reviewed");
        Optional<CodeIndex> codes = index.get();
        List<ReviewedCode> reviewed = checked(version, decisions, codes);
        CodeReview review = new CodeReview(basedOn, coder, clock.instant(), reviewed, codes.isPresent());
        return updates.apply(id, current -> {
            reviewable(current);
            Signing.latestNamed(current, basedOn, "reviewed");
            if (current.latestReview().filter(review::decidesAlike).isPresent()) {
                return current;
            }
            return current.withCodeReview(review, review.reviewedAt());
        });
    }

    private static void reviewable(DocumentRecord current) {
        if (!current.state().isSigned()) {
            throw new ConflictException("document " + current.id() + " is " + current.state().code() + "; codes are"
                    + " reviewed once the author has signed it (the codes must rest on signed documentation)");
        }
    }

    /** The decisions as review entries, every rule checked; nothing is stored when one fails. */
    private static List<ReviewedCode> checked(DocumentVersion version, List<Decision> decisions,
                                              Optional<CodeIndex> codes) {
        Map<String, CodeSuggestion> suggested = new LinkedHashMap<>();
        List<CodeSuggestion> suggestions = version.annotation() == null ? List.of() : version.annotation().codes();
        for (CodeSuggestion s : suggestions) {
            suggested.putIfAbsent(s.code(), s);
        }
        List<ReviewedCode> out = new ArrayList<>(decisions.size());
        Set<String> seen = new HashSet<>();
        for (Decision d : decisions) {
            if (d == null || d.code() == null) {
                throw new InvalidInputException("a code entry has no code; send {\"code\": \"E11.9\", \"decision\":"
                        + " \"accepted\"}");
            }
            CodeDecision decision = CodeDecision.parse(d.decision());
            String code = ReviewedCode.canonical(d.code()).orElseThrow(() -> invalid("'" + d.code() + "' is not an"
                    + " ICD-10-CM code (a letter, two digits or letters, then optionally a dot and up to four more,"
                    + " e.g. E11.9)"));
            if (!seen.add(code)) {
                throw new InvalidInputException("code " + code + " is listed twice; give each code one decision")
                        .withLogSummary("a code is listed twice");
            }
            String reason = Statement.optional("the reason for " + code, d.reason(),
                    ReviewedCode.MAX_REASON);
            CodeSuggestion suggestion = suggested.get(code);
            String description;
            if (decision == CodeDecision.ADDED) {
                if (suggestion != null) {
                    throw invalid(code + " was suggested for version " + version.number() + "; accept it instead of"
                            + " adding it");
                }
                description = codes.map(index -> billable(index, code).description()).orElse("");
            } else {
                if (suggestion == null) {
                    throw invalid(code + " was not suggested for version " + version.number() + "; to assign it, send"
                            + " it as \"added\"");
                }
                description = suggestion.description();
            }
            out.add(new ReviewedCode(code, description, decision, reason));
        }
        List<String> undecided = suggested.keySet().stream().filter(c -> !seen.contains(c)).toList();
        if (!undecided.isEmpty()) {
            throw invalid("every suggested code needs a decision: accept or reject " + String.join(", ", undecided));
        }
        return out;
    }

    /** The index's line of a code added by hand, which must exist and be billable. */
    private static CodeEntry billable(CodeIndex index, String code) {
        CodeEntry entry = index.code(code);
        if (entry == null) {
            throw invalid(code + " is not in the ICD-10-CM code index; check the code (the index holds "
                    + index.codeCount() + " codes of the release it was built from)");
        }
        if (!entry.billable()) {
            List<CodeEntry> under = index.billableUnder(code);
            throw invalid(code + " is a category, not a billable code; choose a billable code under it"
                    + (under.isEmpty() ? "" : ", e.g. " + under.stream().limit(HINTS).map(CodeEntry::code)
                    .collect(Collectors.joining(", "))));
        }
        return entry;
    }

    /** A 422 whose message names codes: the client gets it whole, the log only that a code was refused. */
    private static UnprocessableContentException invalid(String message) {
        UnprocessableContentException e = new UnprocessableContentException(message);
        e.withLogSummary("a code review was refused: a code is invalid for the version reviewed");
        return e;
    }
}
