package org.chartroom.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that signs access tokens (HMAC-SHA256), generated once per data directory into
 * {@code <data>/keys/token-signing.key} (owner-only). Tokens signed with it outlive no restart longer than their
 * expiry; deleting the file signs everyone out.
 */
public final class TokenSigningKey {
    private static final String FILE = "token-signing.key";

    private TokenSigningKey() {
    }

    public static String loadOrCreate(Path keysDir) {
        Path file = keysDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(keysDir);
            trySetPermissions(keysDir, "rwx------");
            byte[] secret = new byte[64];
            new SecureRandom().nextBytes(secret);
            String encoded = Base64.getEncoder().encodeToString(secret);
            Path tmp = keysDir.resolve(FILE + ".tmp");
            Files.writeString(tmp, encoded, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            trySetPermissions(tmp, "rw-------");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key " + file, e);
        }
    }

    private static void trySetPermissions(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system
        }
    }
}
