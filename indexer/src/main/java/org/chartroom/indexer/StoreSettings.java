package org.chartroom.indexer;

import java.time.Duration;
import java.util.Objects;
import org.chartroom.core.crypto.Encryption;

/**
 * Tuning of a {@link LuceneDocumentStore}.
 *
 * @param refreshInterval how stale search may be: a background thread makes puts searchable at this interval
 *                        (default {@value #DEFAULT_REFRESH_MILLIS} ms); between 1 ms and 1 hour
 * @param ramBufferMb     memory the index writer buffers before it flushes a segment (default
 *                        {@value #DEFAULT_RAM_BUFFER_MB} MB); between 1 and 2047
 * @param encryption      whether and with which keys the index files are encrypted ({@link EncryptedDirectory});
 *                        off by default here, the runtime always passes its key ring
 */
public record StoreSettings(Duration refreshInterval, int ramBufferMb, Encryption encryption) {
    public static final long DEFAULT_REFRESH_MILLIS = 250;
    public static final int DEFAULT_RAM_BUFFER_MB = 64;

    public StoreSettings {
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        Objects.requireNonNull(encryption, "encryption");
        if (refreshInterval.compareTo(Duration.ofMillis(1)) < 0 || refreshInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("refreshInterval must be between 1 ms and 1 hour");
        }
        // IndexWriter's per-thread buffers cannot exceed ~2 GB.
        if (ramBufferMb < 1 || ramBufferMb > 2047) {
            throw new IllegalArgumentException("ramBufferMb must be between 1 and 2047");
        }
    }

    public StoreSettings(Duration refreshInterval, int ramBufferMb) {
        this(refreshInterval, ramBufferMb, Encryption.off());
    }

    public static StoreSettings defaults() {
        return new StoreSettings(Duration.ofMillis(DEFAULT_REFRESH_MILLIS), DEFAULT_RAM_BUFFER_MB);
    }

    public StoreSettings withRefreshInterval(Duration interval) {
        return new StoreSettings(interval, ramBufferMb, encryption);
    }

    public StoreSettings withRamBufferMb(int megabytes) {
        return new StoreSettings(refreshInterval, megabytes, encryption);
    }

    public StoreSettings withEncryption(Encryption encryption) {
        return new StoreSettings(refreshInterval, ramBufferMb, encryption);
    }
}
