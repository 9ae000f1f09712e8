package org.chartroom.api.http;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PreconditionFailedException;
import org.chartroom.core.error.PreconditionRequiredException;

/**
 * The entity tag of a document version ({@code "v3"}), sent as {@code ETag} with a document, a draft and its codes,
 * and the {@code If-Match} a change (a correction, a signature, an addendum, a code review) must carry so that it
 * cannot pass over a version its sender has not seen (RFC 9110 §13.1.1).
 */
final class VersionTag {
    static final String IF_MATCH = "If-Match";
    private static final Pattern TAG = Pattern.compile("\"v([1-9][0-9]{0,8})\"");

    private VersionTag() {
    }

    static String of(int version) {
        return "\"v" + version + "\"";
    }

    /**
     * The version a change was made to.
     *
     * @throws PreconditionRequiredException when there is no {@code If-Match}, or it is {@code *} (which would match
     *                                       any version and so protect nothing)
     * @throws PreconditionFailedException   when it names no version of a draft (it cannot match)
     * @throws InvalidInputException         when it lists several tags
     */
    static int required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw new PreconditionRequiredException("send the ETag of the version you worked on in " + IF_MATCH
                    + " (e.g. " + IF_MATCH + ": " + of(1) + ", from GET /api/documents/{id} or …/draft), so that a"
                    + " newer version is not overlooked");
        }
        return parse(ifMatch);
    }

    /** The version named, when an {@code If-Match} was sent; as {@link #required} otherwise. */
    static OptionalInt optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? OptionalInt.empty() : OptionalInt.of(required(ifMatch));
    }

    private static int parse(String ifMatch) {
        String value = ifMatch.strip();
        if (value.contains(",")) {
            throw new InvalidInputException(IF_MATCH + " must name one version (the ETag of the draft you edited)");
        }
        Matcher m = TAG.matcher(value);
        if (!m.matches()) {
            // A weak or foreign tag never matches under the strong comparison If-Match uses.
            throw new PreconditionFailedException(IF_MATCH + " does not name a version of this document; send the"
                    + " ETag of GET /api/documents/{id} or …/draft, e.g. " + of(1));
        }
        return Integer.parseInt(m.group(1));
    }
}
