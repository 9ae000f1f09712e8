package org.chartroom.ingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chartroom.ingest.FailureSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload written to the store's temporary area and forced to disk, but not accepted yet: it becomes an accepted
 * original only through {@link OriginalStore#commit}. Closing it deletes the temporary file unless it was committed,
 * so {@code try (StagedUpload staged = store.stage(...))} leaves nothing behind on any failure.
 *
 * <p>Not thread-safe; owned by the request that staged it.
 */
public final class StagedUpload implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StagedUpload.class);

    private final Path file;
    private final long size;
    private final String sha256;
    private boolean committed;

    StagedUpload(Path file, long size, String sha256) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /** The temporary file, for inspection (type detection, validation) before commit. Do not move or delete it. */
    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    /** Hex SHA-256 of the bytes, computed while they were written. */
    public String sha256() {
        return sha256;
    }

    boolean isCommitted() {
        return committed;
    }

    void markCommitted() {
        committed = true;
    }

    /** Deletes the temporary file if the upload was not committed. Never throws. */
    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Left for the cleanup at the next open of the store.
                log.warn("could not delete a staged upload: {}", FailureSummary.of(e));
            }
        }
    }
}
