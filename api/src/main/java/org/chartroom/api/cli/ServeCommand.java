package org.chartroom.api.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.runtime.Components;
import org.chartroom.api.runtime.ChartroomSettings;
import org.chartroom.api.security.TlsCertificate;
import org.chartroom.api.security.TokenSigningKey;
import org.chartroom.api.security.UserDirectory;
import org.chartroom.core.error.ConfigurationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chartroom serve}: the HTTP API on the embedded default or over Pulsar, until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the HTTP API and the pipeline on the embedded default (no external services).",
                "With --pulsar, uploads are published to Pulsar for `chartroom worker` processes and only the index "
                        + "stage runs here."})
final class ServeCommand implements Callable<Integer> {
    private static final long MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

    @Mixin
    DataOption data;

    @Option(names = "--port", defaultValue = "${env:CHARTROOM_PORT:-8080}",
            description = "TCP port. Default: ${DEFAULT-VALUE} (env CHARTROOM_PORT).")
    int port;

    @Option(names = "--insecure-http", defaultValue = "${env:CHARTROOM_INSECURE_HTTP:-false}",
            description = {"Serve plain HTTP instead of HTTPS: only behind a TLS-terminating proxy on the same host.",
                    "Default: HTTPS with CHARTROOM_TLS_KEYSTORE, or a self-signed certificate made on first start."})
    boolean insecureHttp;

    @Option(names = "--host", defaultValue = "${env:CHARTROOM_HOST:-127.0.0.1}",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (env CHARTROOM_HOST); "
                    + "use 0.0.0.0 to listen on every interface.")
    String host;

    @Mixin
    PulsarOption pulsar;

    @Override
    public Integer call() throws Exception {
        ChartroomSettings settings = data.settings();
        Path multipartTmp = settings.tmpDir().resolve("multipart");
        Files.createDirectories(multipartTmp);
        tls = insecureHttp ? null : tlsCertificate(settings);
        UserDirectory users = UserDirectory.open(settings.usersDir());
        ChartroomRuntime runtime = ChartroomRuntime.open(settings, settings.pulsar(System.getenv(), pulsar.url, true));
        // After the runtime: it holds the data directory's lock, so no other process builds the index meanwhile.
        Components.buildCodeIndexInBackground(settings.dataDir());
        ApplicationContext context;
        try {
            // Not Micronaut.run(): it registers a shutdown hook of its own, and two hooks stopping the server at
            // once deadlock. This command owns the one hook that stops the server, then the pipeline.
            context = ApplicationContext.builder()
                    .banner(false)
                    .properties(serverProperties(settings, multipartTmp))
                    .singletons(runtime)
                    .start();
            context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            runtime.close();
            throw new ConfigurationException("the HTTP server could not start on " + host + ":" + port + " ("
                    + e.getMessage() + "); is the port taken? Pass --port or set CHARTROOM_PORT", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            runtime.close();
            stopped.countDown();
        }, "chartroom-shutdown"));
        System.out.printf("Chartroom is serving %s://%s:%d (data directory %s). Stop with Ctrl-C.%n",
                insecureHttp ? "http" : "https", host, port, settings.dataDir());
        if (tls != null) {
            System.out.printf("TLS certificate%s, SHA-256 fingerprint %s%n",
                    tls.generated() ? " (self-signed, " + tls.keystore() + ")" : "", tls.fingerprint());
        }
        if (users.isEmpty()) {
            System.out.println("No user accounts yet: create the first administrator with "
                    + "`chartroom users add admin --role ADMIN --data " + settings.dataDir() + "`");
        }
        System.out.flush();
        stopped.await();
        return 0;
    }

    private TlsCertificate tls;

    private static TlsCertificate tlsCertificate(ChartroomSettings settings) {
        String keystore = System.getenv("CHARTROOM_TLS_KEYSTORE");
        if (keystore != null && !keystore.isBlank()) {
            String password = System.getenv("CHARTROOM_TLS_KEYSTORE_PASSWORD");
            if (password == null) {
                throw new ConfigurationException("CHARTROOM_TLS_KEYSTORE is set but CHARTROOM_TLS_KEYSTORE_PASSWORD "
                        + "is not");
            }
            return TlsCertificate.load(Path.of(keystore), password);
        }
        return TlsCertificate.selfSigned(settings.keysDir());
    }

    private Map<String, Object> serverProperties(ChartroomSettings settings, Path multipartTmp) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (tls != null) {
            p.put("micronaut.server.ssl.enabled", true);
            p.put("micronaut.server.ssl.port", port);
            p.put("micronaut.server.dual-protocol", false);
            p.put("micronaut.server.ssl.key-store.path", "file:" + tls.keystore());
            p.put("micronaut.server.ssl.key-store.password", tls.password());
            p.put("micronaut.server.ssl.key-store.type", "PKCS12");
        }
        p.put("micronaut.server.host", host);
        p.put("micronaut.server.port", port);
        p.put("micronaut.server.max-request-size", settings.maxUploadBytes() + MULTIPART_OVERHEAD_BYTES);
        p.put("micronaut.server.multipart.max-file-size", settings.maxUploadBytes());
        p.put("micronaut.server.multipart.location", multipartTmp.toString());
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                TokenSigningKey.loadOrCreate(settings.keysDir()));
        p.put("micronaut.security.token.generator.access-token.expiration", settings.tokenTtl().toSeconds());
        return p;
    }
}
