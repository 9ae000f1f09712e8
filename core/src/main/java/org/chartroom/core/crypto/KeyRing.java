package org.chartroom.core.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.chartroom.core.error.ConfigurationException;

/**
 * The master keys: one current key that wraps new data keys, and older keys kept only to unwrap what they wrapped
 * until {@code chartroom keys rotate} has re-wrapped it. Master keys never encrypt data themselves.
 *
 * <p>Wrapping is AES key wrap (RFC 3394, {@code AESWrap}): deterministic, authenticated, 8 bytes longer than the key,
 * so a wrong key or a damaged header is detected on unwrap. Immutable and thread-safe.
 */
public final class KeyRing {
    /** AES-256. */
    public static final int KEY_BYTES = 32;
    private static final String WRAP = "AESWrap";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyId current;
    private final Map<KeyId, SecretKey> keys;
    private final String source;

    /**
     * @param current  the key that wraps new data keys
     * @param previous older keys, for unwrapping only
     * @param source   where the keys came from, for error messages (a setting name or a file; never key material)
     */
    public KeyRing(SecretKey current, List<SecretKey> previous, String source) {
        this.source = Objects.requireNonNull(source, "source");
        checkAes256(current);
        Map<KeyId, SecretKey> all = new LinkedHashMap<>();
        this.current = KeyId.of(current);
        all.put(this.current, current);
        for (SecretKey key : previous) {
            checkAes256(key);
            all.putIfAbsent(KeyId.of(key), key);
        }
        this.keys = Map.copyOf(all);
    }

    private static void checkAes256(SecretKey key) {
        if (key.getEncoded() == null || key.getEncoded().length != KEY_BYTES) {
            throw new IllegalArgumentException("a master key is 32 bytes (AES-256)");
        }
    }

    /** A fresh random AES-256 key. */
    public static SecretKey newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    /** Random bytes for data keys, nonces and IVs. */
    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public KeyId currentId() {
        return current;
    }

    /** The ids of all keys, current first. */
    public List<KeyId> ids() {
        List<KeyId> ids = new ArrayList<>();
        ids.add(current);
        keys.keySet().stream().filter(id -> !id.equals(current)).sorted((a, b) -> a.hex().compareTo(b.hex()))
                .forEach(ids::add);
        return ids;
    }

    public boolean has(KeyId id) {
        return keys.containsKey(id);
    }

    /** Where the keys came from (a setting or file name), for messages. */
    public String source() {
        return source;
    }

    /** Wraps secret material (a multiple of 8 bytes, at least 16) under the current key; 8 bytes longer. */
    public byte[] wrap(byte[] secret) {
        try {
            Cipher cipher = Cipher.getInstance(WRAP);
            cipher.init(Cipher.WRAP_MODE, keys.get(current));
            return cipher.wrap(new SecretKeySpec(secret, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap failed", e);
        }
    }

    /**
     * Unwraps what {@link #wrap} produced under the key {@code id}.
     *
     * @throws ConfigurationException when the key is not in the ring (the message names the settings to check)
     * @throws IntegrityException     when the wrapped bytes were damaged or altered
     */
    public byte[] unwrap(KeyId id, byte[] wrapped) throws IntegrityException {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new ConfigurationException("stored data is encrypted under master key " + id + ", which is not in "
                    + "the key ring from " + source + "; set " + MasterKeys.MASTER_KEY + " (and "
                    + MasterKeys.PREVIOUS_KEYS + ") or " + MasterKeys.KEYSTORE + " and " + MasterKeys.KEYSTORE_PASSWORD
                    + " to the keys this data directory was written with");
        }
        try {
            Cipher cipher = Cipher.getInstance(WRAP);
            cipher.init(Cipher.UNWRAP_MODE, key);
            return cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded();
        } catch (InvalidKeyException e) {
            throw new IntegrityException("a wrapped data key failed its integrity check (damaged or altered header)",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key unwrap failed", e);
        }
    }
}
