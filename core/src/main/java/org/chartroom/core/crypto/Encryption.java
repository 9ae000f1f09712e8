package org.chartroom.core.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * What a store is given to protect what it writes: {@link #with} a key ring (the default everywhere), or {@link #off}
 * (plaintext, for the benchmark that measures what encryption costs, and for tests about something else).
 * Immutable and thread-safe.
 */
public final class Encryption {
    private static final Encryption OFF = new Encryption(null);

    private final KeyRing keys;

    private Encryption(KeyRing keys) {
        this.keys = keys;
    }

    public static Encryption with(KeyRing keys) {
        return new Encryption(Objects.requireNonNull(keys, "keys"));
    }

    public static Encryption off() {
        return OFF;
    }

    public boolean enabled() {
        return keys != null;
    }

    public Optional<KeyRing> keys() {
        return Optional.ofNullable(keys);
    }

    /** A stream sealing into {@code out} (see {@link SealedFile}); {@code out} itself when off. Closing it closes out. */
    public OutputStream seal(OutputStream out) throws IOException {
        return keys == null ? out : SealedFile.seal(out, keys);
    }

    /** The plaintext of a stream written through {@link #seal(OutputStream)}. Closing it closes in. */
    public InputStream open(InputStream in) throws IOException {
        return keys == null ? in : SealedFile.open(in, keys);
    }

    public byte[] seal(byte[] plaintext) {
        return keys == null ? plaintext : SealedFile.seal(plaintext, keys);
    }

    public byte[] open(byte[] stored) throws IOException {
        return keys == null ? stored : SealedFile.open(stored, keys);
    }

    @Override
    public String toString() {
        return keys == null ? "encryption off" : "AES-256-GCM, master key " + keys.currentId();
    }
}
