package org.chartroom.core.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.chartroom.core.error.ConfigurationException;

/**
 * Where the master keys come from, in this order:
 * <ol>
 * <li>{@value #MASTER_KEY}: the current key, base64 of 32 bytes, with {@value #PREVIOUS_KEYS} (comma-separated) for
 *     keys being rotated out;</li>
 * <li>{@value #KEYSTORE} and {@value #KEYSTORE_PASSWORD}: a PKCS12 keystore whose secret-key entries are named
 *     {@code master-1}, {@code master-2}, …; the highest number is current;</li>
 * <li>otherwise the keystore {@code <data>/keys/master.p12}, generated on first start (owner-only permissions) with a
 *     notice that it must be backed up and, for production, moved off the data disk.</li>
 * </ol>
 * A keystore without {@value #KEYSTORE_PASSWORD} uses the password {@value #DEFAULT_PASSWORD}, which is no secret:
 * such a keystore is protected by its file permissions alone.
 */
public final class MasterKeys {
    public static final String MASTER_KEY = "CHARTROOM_MASTER_KEY";
    public static final String PREVIOUS_KEYS = "CHARTROOM_PREVIOUS_MASTER_KEYS";
    public static final String KEYSTORE = "CHARTROOM_KEYSTORE";
    public static final String KEYSTORE_PASSWORD = "CHARTROOM_KEYSTORE_PASSWORD";
    public static final String DEFAULT_PASSWORD = "chartroom";
    private static final String ALIAS = "master-";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private MasterKeys() {
    }

    /** The default keystore of a data directory. */
    public static Path defaultKeystore(Path dataDir) {
        return dataDir.resolve("keys").resolve("master.p12");
    }

    /**
     * The key ring for a data directory, generating the default keystore on first use.
     *
     * @param notice receives a one-paragraph notice (no key material) when a keystore was generated
     * @throws ConfigurationException when a setting is malformed, the keystore cannot be opened or holds no key
     */
    public static KeyRing load(Map<String, String> env, Path dataDir, Consumer<String> notice) {
        String master = value(env, MASTER_KEY);
        if (master != null) {
            List<SecretKey> previous = new ArrayList<>();
            String old = value(env, PREVIOUS_KEYS);
            if (old != null) {
                for (String key : old.split(",")) {
                    if (!key.isBlank()) {
                        previous.add(decode(PREVIOUS_KEYS, key.strip()));
                    }
                }
            }
            return new KeyRing(decode(MASTER_KEY, master), previous, MASTER_KEY);
        }
        Path keystore = keystorePath(env, dataDir);
        char[] password = password(env);
        if (value(env, KEYSTORE) == null && !Files.exists(keystore)) {
            writeKeystore(keystore, password, List.of(KeyRing.newKey()));
            notice.accept("Chartroom generated the master key that encrypts this data directory, in " + keystore
                    + " (owner-only). Without it the records cannot be read: back it up now, away from this disk. "
                    + "For production keep it off the data disk: move it and set " + KEYSTORE + " and "
                    + KEYSTORE_PASSWORD + ", or set " + MASTER_KEY + " from a secrets manager.");
        }
        List<SecretKey> keys = readKeystore(keystore, password);
        return new KeyRing(keys.get(keys.size() - 1), keys.subList(0, keys.size() - 1), keystore.toString());
    }

    /** The keystore in use, or empty when the keys come from {@value #MASTER_KEY}. */
    public static java.util.Optional<Path> keystore(Map<String, String> env, Path dataDir) {
        return value(env, MASTER_KEY) != null ? java.util.Optional.empty()
                : java.util.Optional.of(keystorePath(env, dataDir));
    }

    /**
     * Adds a new current key to the keystore (the first step of a rotation; the old keys stay until
     * {@link #retireOldKeys} so that a rotation cut short can simply be run again).
     */
    public static void addKey(Path keystore, Map<String, String> env) {
        List<SecretKey> keys = new ArrayList<>(readKeystore(keystore, password(env)));
        keys.add(KeyRing.newKey());
        writeKeystore(keystore, password(env), keys);
    }

    /** Removes all but the current key from the keystore (the last step of a rotation). */
    public static void retireOldKeys(Path keystore, Map<String, String> env) {
        List<SecretKey> keys = readKeystore(keystore, password(env));
        writeKeystore(keystore, password(env), List.of(keys.get(keys.size() - 1)));
    }

    private static Path keystorePath(Map<String, String> env, Path dataDir) {
        String configured = value(env, KEYSTORE);
        return configured != null ? Path.of(configured).toAbsolutePath() : defaultKeystore(dataDir);
    }

    private static char[] password(Map<String, String> env) {
        String password = env.get(KEYSTORE_PASSWORD);
        return (password == null || password.isEmpty() ? DEFAULT_PASSWORD : password).toCharArray();
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static SecretKey decode(String setting, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(setting + " must be base64 (e.g. from `openssl rand -base64 32`)");
        }
        if (bytes.length != KeyRing.KEY_BYTES) {
            throw new ConfigurationException(setting + " must be 32 bytes in base64 (AES-256; e.g. from "
                    + "`openssl rand -base64 32`), not " + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static List<SecretKey> readKeystore(Path file, char[] password) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("the keystore " + file + " does not exist; set " + KEYSTORE
                    + " to the PKCS12 file that holds the master keys");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<String> aliases = Collections.list(store.aliases()).stream()
                    .filter(a -> a.startsWith(ALIAS) && number(a) > 0)
                    .sorted(Comparator.comparingInt(MasterKeys::number)).toList();
            List<SecretKey> keys = new ArrayList<>();
            for (String alias : aliases) {
                if (store.getEntry(alias, new KeyStore.PasswordProtection(password))
                        instanceof KeyStore.SecretKeyEntry entry) {
                    keys.add(new SecretKeySpec(entry.getSecretKey().getEncoded(), "AES"));
                }
            }
            if (keys.isEmpty()) {
                throw new ConfigurationException("the keystore " + file + " holds no master key (secret-key entries "
                        + "named master-1, master-2, …); set " + KEYSTORE + " to the right file");
            }
            return keys;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigurationException("the keystore " + file + " could not be opened with the given "
                        + "password; set " + KEYSTORE_PASSWORD, e);
            }
            throw new ConfigurationException("the keystore " + file + " could not be read (" + e.getMessage()
                    + "); check " + KEYSTORE + " and " + KEYSTORE_PASSWORD, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigurationException("the keystore " + file + " could not be read; check " + KEYSTORE
                    + " and " + KEYSTORE_PASSWORD, e);
        }
    }

    private static int number(String alias) {
        try {
            return Integer.parseInt(alias.substring(ALIAS.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Writes the keys as master-1…n, atomically (temporary file, force, rename, directory force), owner-only. */
    private static void writeKeystore(Path file, char[] password, List<SecretKey> keys) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (POSIX) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            for (int i = 0; i < keys.size(); i++) {
                store.setEntry(ALIAS + (i + 1), new KeyStore.SecretKeyEntry(keys.get(i)),
                        new KeyStore.PasswordProtection(password));
            }
            Path temporary = POSIX
                    ? Files.createTempFile(dir, "master-", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, "master-", ".part");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    store.store(out, password);
                }
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            if (POSIX) {
                try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                    channel.force(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKCS12 keystores are not available", e);
        }
    }
}
