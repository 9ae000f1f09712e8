package org.chartroom.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
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

    /** How many bytes of the end of an upload are kept for checks that look there (a PDF's end-of-file marker). */
    static final int TAIL_BYTES = 2048;

    private final Path file;
    private final long size;
    private final String sha256;
    private final byte[] tail;
    private final Opener opener;
    private boolean committed;

    StagedUpload(Path file, long size, String sha256, byte[] tail, Opener opener) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
        this.tail = tail;
        this.opener = opener;
    }

    /**
     * The temporary file as stored: sealed when the store encrypts, so read the content with {@link #openContent}.
     * Do not move or delete it.
     */
    public Path file() {
        return file;
    }

    /** The uploaded bytes (decrypted when the store encrypts), for inspection before commit; the caller closes it. */
    public InputStream openContent() throws IOException {
        return opener.open(file);
    }

    /** The last {@value #TAIL_BYTES} bytes of the upload (all of it when shorter). */
    public byte[] tail() {
        return tail.clone();
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

    /** Opens a staged file's content. */
    @FunctionalInterface
    interface Opener {
        InputStream open(Path file) throws IOException;
    }

    /** The last {@value #TAIL_BYTES} bytes written, kept while staging. */
    static final class Tail {
        private final byte[] ring = new byte[TAIL_BYTES];
        private long total;

        void add(byte[] bytes, int length) {
            int from = Math.max(0, length - TAIL_BYTES);
            for (int i = from; i < length; i++) {
                ring[(int) (total++ % TAIL_BYTES)] = bytes[i];
            }
        }

        byte[] bytes() {
            int length = (int) Math.min(total, TAIL_BYTES);
            byte[] out = new byte[length];
            for (int i = 0; i < length; i++) {
                out[i] = ring[(int) ((total - length + i) % TAIL_BYTES)];
            }
            return out;
        }
    }
}
