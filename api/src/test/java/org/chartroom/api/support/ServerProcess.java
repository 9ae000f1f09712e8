package org.chartroom.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.chartroom.api.security.UserDirectory;
import org.chartroom.core.security.Role;

/**
 * The real Chartroom server as a separate process ({@code java -jar chartroom.jar serve}), the way an operator
 * runs it, with one test account per role. Its output goes to a log file the tests can read (e.g. to check that no
 * PHI was logged).
 */
public final class ServerProcess implements AutoCloseable {
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> env;
    private final int port;
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpClient http;
    private Process process;

    public ServerProcess(Path dataDir, Path log, Map<String, String> env) {
        this.dataDir = dataDir;
        this.log = log;
        this.env = env;
        this.port = freePort();
    }

    public static Path jar() {
        String jar = System.getProperty("chartroom.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("chartroom.jar not found (" + jar + "): run the integration tests with "
                    + "`mvn verify`, which builds the jar in the package phase first");
        }
        return Path.of(jar);
    }

    /** The password of the test accounts, one per role, named after the role in lower case. */
    public static final String PASSWORD = "test-password-for-chartroom";
    /** The display name of the test physician: documents authored under it are the physician's own. */
    public static final String PHYSICIAN_NAME = "Dr. Test";

    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    private static Path accountsTemplate;

    /**
     * Gives the data directory one account per role, as an administrator would with `chartroom users add`. Argon2
     * hashing is slow on purpose, so the accounts are made once per test run and their file copied.
     */
    private void createAccounts() throws IOException {
        Path users = dataDir.resolve("users");
        if (Files.exists(users.resolve("users.json"))) {
            return;
        }
        Files.createDirectories(users);
        Files.copy(accountsTemplate(), users.resolve("users.json"));
    }

    private static synchronized Path accountsTemplate() throws IOException {
        if (accountsTemplate == null) {
            Path dir = Files.createTempDirectory("chartroom-test-accounts");
            UserDirectory users = UserDirectory.open(dir);
            for (Role role : Role.values()) {
                String name = role.name().toLowerCase(Locale.ROOT);
                users.add(name, role == Role.PHYSICIAN ? PHYSICIAN_NAME : name, Set.of(role), PASSWORD.toCharArray());
            }
            accountsTemplate = dir.resolve("users.json");
        }
        return accountsTemplate;
    }

    /** A bearer token for the test account of the role (logged in once per server process). */
    public synchronized String token(Role role) throws IOException, InterruptedException {
        String token = tokens.get(role);
        if (token == null) {
            HttpResponse<String> r = login(role.name().toLowerCase(Locale.ROOT), PASSWORD);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("login as " + role + " failed: " + r.statusCode() + " " + r.body());
            }
            token = JSON.readTree(r.body()).get("access_token").asText();
            tokens.put(role, token);
        }
        return token;
    }

    public HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("username", username).put("password", password).toString();
        return client().send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Authorization header value for the role. */
    public String authorization(Role role) throws IOException, InterruptedException {
        return "Bearer " + token(role);
    }

    public ServerProcess start() throws IOException, InterruptedException {
        createAccounts();
        tokens.clear();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-jar", jar().toString(), "serve", "--data", dataDir.toString(), "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(90));
        return this;
    }

    /** {@code POST /api/documents} as HIM staff, with a metadata JSON part and a file part. */
    public HttpResponse<String> upload(String metadataJson, String fileName, byte[] content)
            throws IOException, InterruptedException {
        return upload(Role.HIM, metadataJson, fileName, content);
    }

    public HttpResponse<String> upload(Role role, String metadataJson, String fileName, byte[] content)
            throws IOException, InterruptedException {
        Multipart body = new Multipart();
        return client().send(HttpRequest.newBuilder(uri("/api/documents")).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization(role))
                .header("Content-Type", body.contentType()).POST(body.upload(metadataJson, fileName, content))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of a path (with its query string) as HIM staff, the body as text. */
    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return get(Role.HIM, pathAndQuery);
    }

    /** A GET as the role's test account; {@code role} null sends no credentials. */
    public HttpResponse<String> get(Role role, String pathAndQuery, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (role != null) {
            b.header("Authorization", authorization(role));
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Entries of the audit trail matching {@code query} (the filters of {@code GET /api/audit}), read as auditor. */
    public JsonNode auditEntries(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = get(Role.AUDITOR, "/api/audit?limit=500&" + query);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/audit failed: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("entries");
    }

    /** Any request; {@code role} null sends no credentials. */
    public HttpResponse<String> send(Role role, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (role != null) {
            request.header("Authorization", authorization(role));
        }
        return client().send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public Path dataDir() {
        return dataDir;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("https://127.0.0.1:" + port + pathAndQuery);
    }

    /**
     * An HTTPS client that trusts exactly the certificate the server generated on its first start (read from the
     * data directory, as a site would pin its fingerprint).
     */
    public synchronized HttpClient client() {
        if (http == null) {
            Path keys = dataDir.resolve("keys");
            try (InputStream in = Files.newInputStream(keys.resolve("tls.p12"))) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, Files.readString(keys.resolve("tls.password")).strip().toCharArray());
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, trust.getTrustManagers(), null);
                http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("the server's TLS keystore is not readable yet: " + e, e);
            }
        }
        return http;
    }

    /** The SHA-256 fingerprint the server printed at start, or empty. */
    public String printedFingerprint() throws IOException {
        return logText().lines().filter(l -> l.contains("SHA-256 fingerprint")).findFirst()
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).orElse("");
    }

    public boolean isHealthy() {
        if (!Files.exists(dataDir.resolve("keys").resolve("tls.password"))) {
            return false;
        }
        try {
            client();
        } catch (IllegalStateException e) {
            return false;  // the server is still writing its certificate
        }
        try {
            HttpResponse<String> r = client().send(
                    HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; log:\n"
                        + logText());
            }
            if (isHealthy()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server was not healthy within " + timeout + "; log:\n" + logText());
    }

    /** SIGKILL: the process gets no chance to flush, commit or close anything. */
    public void kill() throws InterruptedException {
        ChildProcesses.kill(process);
    }

    /** SIGTERM and wait: a graceful stop. Returns the exit code. */
    public int stop() throws InterruptedException {
        return ChildProcesses.stop(process);
    }

    public String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
