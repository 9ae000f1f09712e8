package org.chartroom.ingest.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The real Pulsar broker the tests run against: the one named by the system properties {@code pulsar.serviceUrl} and
 * {@code pulsar.adminUrl} (CI starts it in {@code .ci/run}), or else one this test run starts itself with
 * {@code .ci/pulsar.sh start} (unpacking the distribution from Maven Central the first time) and stops when the JVM
 * exits. A broker that cannot be started fails the test with the script's message: nothing is skipped silently.
 *
 * <p>Tests share the broker and keep apart by topic prefix ({@link #topicPrefix}). The crash tests {@link #kill}
 * and {@link #restart} it on the same data directory through the same script.
 */
public final class PulsarBroker {
    private static final Object LOCK = new Object();
    private static String serviceUrl;
    private static String adminUrl;

    private PulsarBroker() {
    }

    /** The broker's service URL, starting it first when no broker was given. */
    public static String serviceUrl() {
        synchronized (LOCK) {
            if (serviceUrl == null) {
                String given = System.getProperty("pulsar.serviceUrl");
                if (given != null && !given.isBlank()) {
                    serviceUrl = given;
                    adminUrl = System.getProperty("pulsar.adminUrl", "http://127.0.0.1:8081");
                } else {
                    startOwn();
                }
            }
            return serviceUrl;
        }
    }

    /** The broker's HTTP admin URL (topic statistics). */
    public static String adminUrl() {
        serviceUrl();
        return adminUrl;
    }

    /** A topic prefix no other test uses: {@code persistent://public/default/<name>-<random>-}. */
    public static String topicPrefix(String name) {
        return "persistent://public/default/" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** SIGKILL: the broker gets no chance to flush anything. */
    public static void kill() {
        serviceUrl();
        script("kill");
    }

    /** Starts the broker again on the same data directory and waits until it is healthy. */
    public static void restart() {
        script("start");
        script("wait");
    }

    /** A topic's statistics as JSON, from the admin API ({@code /admin/v2/persistent/...}/stats). */
    public static String topicStats(String topic) throws IOException, InterruptedException {
        String path = topic.replace("persistent://", "persistent/");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(adminUrl() + "/admin/v2/" + path + "/stats")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("topic stats of " + topic + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static void startOwn() {
        script("start");
        script("wait");
        Path conf = root().resolve(".ci/pulsar-standalone.conf");
        serviceUrl = "pulsar://127.0.0.1:" + confValue(conf, "brokerServicePort");
        adminUrl = "http://127.0.0.1:" + confValue(conf, "webServicePort");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> script("stop"), "pulsar-broker-stop"));
    }

    private static String confValue(Path conf, String key) {
        try {
            return Files.readAllLines(conf, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1).strip())
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException(key + " is not set in " + conf));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + conf, e);
        }
    }

    /** Runs {@code .ci/pulsar.sh <command>}; its output goes to this JVM's stderr. */
    private static void script(String command) {
        Path script = root().resolve(".ci/pulsar.sh");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("`.ci/pulsar.sh " + command + "` failed (exit " + exit + "); the "
                        + "Pulsar tests need a broker: see its output above, or start one and pass "
                        + "-Dpulsar.serviceUrl=pulsar://… -Dpulsar.adminUrl=http://…");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running .ci/pulsar.sh " + command, e);
        }
    }

    /** The checkout: {@code chartroom.root}, or the first directory up from the working directory with .ci/pulsar.sh. */
    private static Path root() {
        String given = System.getProperty("chartroom.root");
        if (given != null && Files.exists(Path.of(given, ".ci", "pulsar.sh"))) {
            return Path.of(given);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".ci/pulsar.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException(".ci/pulsar.sh not found above " + Path.of("").toAbsolutePath());
    }
}
