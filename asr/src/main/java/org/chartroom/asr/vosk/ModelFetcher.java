package org.chartroom.asr.vosk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.error.UnprocessableContentException;

/**
 * Installs a model archive into a models folder: downloads it to a temporary file while hashing it, refuses it
 * when it is shorter than announced or its SHA-256 differs from the catalogue, unpacks it into a temporary folder
 * beside the target (refusing entries that would escape it), checks it looks like a Vosk model, and only then renames
 * it into place in one atomic step. A failure at any point leaves no partial model where the engine would find it.
 */
public final class ModelFetcher {

    /** What happened. */
    public record Outcome(Path modelDir, boolean downloaded, long bytes) {
    }

    private final HttpClient http;

    public ModelFetcher(HttpClient http) {
        this.http = http;
    }

    public static ModelFetcher withDefaultClient() {
        return new ModelFetcher(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build());
    }

    /**
     * Installs {@code archive} into {@code modelsRoot}/{@code archive.folder()}, unless a valid model is there already.
     *
     * @throws UnprocessableContentException on a checksum mismatch, a truncated download or a bad archive
     * @throws ConfigurationException        when the archive cannot be downloaded
     */
    public Outcome fetch(ModelArchive archive, Path modelsRoot) {
        Path target = modelsRoot.resolve(archive.folder());
        if (Files.isDirectory(target)) {
            VoskEngine.checkLayout(target);
            return new Outcome(target, false, 0);
        }
        try {
            Files.createDirectories(modelsRoot);
            Path zip = Files.createTempFile(modelsRoot, ".download-" + archive.name() + "-", ".zip");
            Path staging = null;
            try {
                long bytes = download(archive, zip);
                staging = Files.createTempDirectory(modelsRoot, ".unpack-" + archive.name() + "-");
                unzip(zip, staging);
                Path unpacked = staging.resolve(archive.folder());
                if (!Files.isDirectory(unpacked)) {
                    throw new UnprocessableContentException("the archive of " + archive.name()
                            + " has no folder " + archive.folder() + "; the catalogue entry is wrong");
                }
                VoskEngine.checkLayout(unpacked);
                try {
                    Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    // another fetch won the race: its model is as good as ours
                }
                return new Outcome(target, true, bytes);
            } finally {
                Files.deleteIfExists(zip);
                if (staging != null) {
                    deleteTree(staging);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the model into " + modelsRoot, e);
        }
    }

    private long download(ModelArchive archive, Path zip) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(archive.url()).timeout(Duration.ofMinutes(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ConfigurationException("cannot download " + archive.url() + " (" + e.getMessage()
                    + "); check the network, or download it by hand and set CHARTROOM_VOSK_MODEL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("the download of " + archive.url() + " was interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new ConfigurationException("downloading " + archive.url() + " answered HTTP "
                    + response.statusCode() + "; check the URL in the model catalogue");
        }
        long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        MessageDigest sha256 = sha256();
        long bytes;
        try (InputStream in = response.body();
             OutputStream out = new DigestOutputStream(Files.newOutputStream(zip), sha256)) {
            bytes = in.transferTo(out);
        } catch (IOException e) {
            throw truncated(archive, e);
        }
        if (announced >= 0 && bytes != announced) {
            throw truncated(archive, null);
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equalsIgnoreCase(archive.sha256())) {
            throw new UnprocessableContentException("the downloaded " + archive.name() + " archive has SHA-256 "
                    + actual + ", not the published " + archive.sha256() + "; nothing was installed. Try again; if it"
                    + " persists, the download is being altered");
        }
        return bytes;
    }

    private static UnprocessableContentException truncated(ModelArchive archive, IOException cause) {
        return new UnprocessableContentException("the download of " + archive.name() + " was cut short; nothing"
                + " was installed. Run the command again", cause);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new UnprocessableContentException("the model archive has an entry outside its folder;"
                            + " refused");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new UnprocessableContentException("the model archive is not a readable zip file", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path child : children) {
                    deleteTree(child);
                }
            }
        }
        Files.delete(dir);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
