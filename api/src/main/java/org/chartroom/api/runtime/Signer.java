package org.chartroom.api.runtime;

import java.util.Objects;

/**
 * The person who signs (or writes an addendum): checked by the caller to be the document's author.
 *
 * @param user their user id
 * @param name their display name, as the signature shows it
 */
public record Signer(String user, String name) {
    public Signer {
        Objects.requireNonNull(user, "user");
        name = name == null || name.isBlank() ? user : name;
    }
}
