package org.chartroom.core.document;

import java.util.UUID;
import java.util.regex.Pattern;
import org.chartroom.core.error.InvalidInputException;

/**
 * The identifier of a document: a lower-case canonical UUID. Ids are used in file names and Lucene terms, so
 * anything else (path-like strings, upper case, padding) is refused at the border.
 */
public record DocumentId(String value) implements Comparable<DocumentId> {
    private static final Pattern FORMAT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public DocumentId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("not a valid document id (expected a lower-case UUID such as "
                    + "3f2b8c1e-0d4a-4c7e-9a51-6b2f0c9d8e71)");
        }
    }

    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID().toString());
    }

    /** Parses an id from untrusted input; throws {@link InvalidInputException} with a reason when malformed. */
    public static DocumentId parse(String text) {
        return new DocumentId(text);
    }

    /** True when the text is a well-formed id (for filtering directory listings). */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    @Override
    public int compareTo(DocumentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
