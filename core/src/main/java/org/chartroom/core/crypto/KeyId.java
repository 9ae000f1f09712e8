package org.chartroom.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.SecretKey;

/**
 * The id of a master key, stored in the header of every object it wraps: the first 8 bytes of a SHA-256 over a label
 * and the key. It names the key without revealing it, and is the same wherever the key comes from (environment or
 * keystore), so moving a key between the two keeps the data readable.
 */
public record KeyId(String hex) {
    public static final int BYTES = 8;
    private static final byte[] LABEL = "chartroom master key id v1".getBytes(StandardCharsets.US_ASCII);

    public KeyId {
        if (hex == null || hex.length() != 2 * BYTES || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a key id is " + 2 * BYTES + " hex digits");
        }
    }

    public static KeyId of(SecretKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(LABEL);
            sha.update(key.getEncoded());
            return fromBytes(Arrays.copyOf(sha.digest(), BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static KeyId fromBytes(byte[] bytes) {
        return new KeyId(HexFormat.of().formatHex(bytes, 0, BYTES));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
