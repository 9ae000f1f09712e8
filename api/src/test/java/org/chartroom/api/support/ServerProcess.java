package org.chartroom.api.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Chartroom server as a separate process ({@code java -jar chartroom.jar serve}), the way an operator
 * runs it. Its output goes to a log file the tests can read (e.g. to check that no PHI was logged).
 */
public final class ServerProcess implements AutoCloseable {
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> env;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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

    public ServerProcess start() throws IOException, InterruptedException {
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

    /** {@code POST /api/documents} with a metadata JSON part and a file part. */
    public HttpResponse<String> upload(String metadataJson, String fileName, byte[] content)
            throws IOException, InterruptedException {
        Multipart body = new Multipart();
        return http.send(HttpRequest.newBuilder(uri("/api/documents")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", body.contentType()).POST(body.upload(metadataJson, fileName, content))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of a path (with its query string), the body as text. */
    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public boolean isHealthy() {
        try {
            HttpResponse<String> r = http.send(
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
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait: a graceful stop. Returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
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
