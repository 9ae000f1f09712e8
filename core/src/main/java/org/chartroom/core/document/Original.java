package org.chartroom.core.document;

import java.time.Instant;

/**
 * The file as uploaded, durably stored before the upload was acknowledged.
 *
 * @param fileName   the name the client gave (informational only; never used as a path)
 * @param mediaType  the media type detected from the bytes
 * @param size       size in bytes
 * @param sha256     hex SHA-256 of the bytes
 * @param receivedAt when the upload was accepted
 * @param receivedBy who uploaded it (user id; "cli" for command-line intake)
 */
public record Original(String fileName, String mediaType, long size, String sha256, Instant receivedAt,
                       String receivedBy) {
}
