package org.chartroom.api.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chartroom.core.error.ConfigurationException;

/**
 * The server's TLS key and certificate: a PKCS12 keystore given by the site ({@code CHARTROOM_TLS_KEYSTORE} and
 * {@code CHARTROOM_TLS_KEYSTORE_PASSWORD}), or else a self-signed one generated on first start into
 * {@code <data>/keys/tls.p12} with the JDK's own {@code keytool} (no extra dependency), valid for localhost.
 *
 * @param keystore    the PKCS12 file
 * @param password    its password
 * @param fingerprint SHA-256 of the certificate, colon-separated hex, for clients to pin or compare
 * @param generated   true when Chartroom generated it (self-signed)
 */
public record TlsCertificate(Path keystore, String password, String fingerprint, boolean generated) {
    private static final String FILE = "tls.p12";
    private static final String PASSWORD_FILE = "tls.password";

    public static TlsCertificate load(Path keystore, String password) {
        return new TlsCertificate(keystore, password, fingerprintOf(keystore, password), false);
    }

    /** The keystore in {@code keysDir}, generated when missing. */
    public static TlsCertificate selfSigned(Path keysDir) {
        Path file = keysDir.resolve(FILE);
        Path passwordFile = keysDir.resolve(PASSWORD_FILE);
        try {
            if (!Files.exists(file) || !Files.exists(passwordFile)) {
                Files.createDirectories(keysDir);
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                // Both files appear whole or not at all (renamed into place, the password last), so a reader never
                // sees a keystore without its password or a half-written password.
                Path tmpStore = keysDir.resolve(FILE + ".tmp");
                Path tmpPassword = keysDir.resolve(PASSWORD_FILE + ".tmp");
                Files.deleteIfExists(tmpStore);
                generate(tmpStore, password);
                Files.writeString(tmpPassword, password);
                ownerOnly(tmpStore);
                ownerOnly(tmpPassword);
                Files.move(tmpStore, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmpPassword, passwordFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String password = Files.readString(passwordFile).strip();
            return new TlsCertificate(file, password, fingerprintOf(file, password), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the TLS keystore in " + keysDir, e);
        }
    }

    private static void generate(Path file, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "chartroom",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "825",
                "-dname", "CN=localhost, O=Chartroom self-signed", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new ConfigurationException("keytool could not generate a TLS certificate (" + output.strip()
                        + "); give one with CHARTROOM_TLS_KEYSTORE and CHARTROOM_TLS_KEYSTORE_PASSWORD");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("interrupted while generating the TLS certificate");
        }
    }

    private static String fingerprintOf(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            Enumeration<String> aliases = store.aliases();
            while (aliases.hasMoreElements()) {
                String alias = aliases.nextElement();
                if (store.isKeyEntry(alias)) {
                    Certificate cert = store.getCertificate(alias);
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
                    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
                }
            }
            throw new ConfigurationException("the TLS keystore " + keystore + " holds no private key entry");
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("cannot read the TLS keystore " + keystore + " (" + e.getMessage()
                    + "); check CHARTROOM_TLS_KEYSTORE and CHARTROOM_TLS_KEYSTORE_PASSWORD", e);
        }
    }

    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system
        }
    }
}
