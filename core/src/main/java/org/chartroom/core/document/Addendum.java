package org.chartroom.core.document;

import java.time.Instant;
import java.util.Objects;

/**
 * An addendum: what the author added to a signed document, and why. Its words are the tail of the version it made (the
 * signed text stays unchanged in front of it, the block between clear delimiters); this record says who wrote it,
 * when and why, and where in that version's text the block starts.
 *
 * @param version    the version the addendum made (it is signed by its author as that version)
 * @param author     the author's user id
 * @param authorName the author's display name when they wrote it
 * @param writtenAt  when
 * @param reason     why it was added (e.g. "pathology results received")
 * @param start      the offset in the version's text where the addendum block begins (the length of the text before)
 */
public record Addendum(int version, String author, String authorName, Instant writtenAt, String reason, int start) {
    /** The longest reason accepted. */
    public static final int MAX_REASON = 500;

    public Addendum {
        Objects.requireNonNull(writtenAt, "writtenAt");
        author = Objects.requireNonNullElse(author, "");
        authorName = Objects.requireNonNullElse(authorName, "");
        reason = Objects.requireNonNullElse(reason, "");
    }

    /**
     * The reason of a new addendum, checked.
     *
     * @throws org.chartroom.core.error.InvalidInputException when it is missing, too long or not one line
     */
    public static String checkedReason(String reason) {
        return Statement.required("the reason for the addendum", reason, MAX_REASON,
                "{\"reason\": \"pathology results received\"}");
    }
}
