package org.chartroom.api.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.chartroom.asr.AsrSettings;
import org.chartroom.ingest.ocr.OcrSettings;
import org.chartroom.ingest.pipeline.PipelineSettings;
import org.chartroom.ingest.queue.pulsar.PulsarSettings;
import org.chartroom.core.error.ConfigurationException;

/**
 * The settings of one Chartroom instance, with defaults that work out of the box. Each can be set by a command-line
 * option or by an environment variable (named in {@link #fromEnvironment}).
 *
 * @param dataDir          the data directory: originals, the Lucene index, logs ({@code --data}, default ./data)
 * @param maxUploadBytes   the largest accepted upload ({@code CHARTROOM_MAX_UPLOAD_BYTES}, default 100 MiB)
 * @param workers          pipeline worker threads ({@code CHARTROOM_WORKERS}, default: the number of cores)
 * @param refreshInterval  how soon a processed document becomes searchable ({@code CHARTROOM_REFRESH_MS})
 * @param commitInterval   how often the index is made durable ({@code CHARTROOM_COMMIT_MS}); a crash redoes at
 *                         most this much work from the stored originals
 * @param tokenTtl         how long an access token is valid ({@code CHARTROOM_TOKEN_TTL_SECONDS}, default 15 min)
 */
public record ChartroomSettings(Path dataDir, long maxUploadBytes, int workers, Duration refreshInterval,
                                Duration commitInterval, Duration tokenTtl) {
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

    public ChartroomSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        if (maxUploadBytes < 1) {
            throw new ConfigurationException("CHARTROOM_MAX_UPLOAD_BYTES must be positive");
        }
        if (workers < 1) {
            throw new ConfigurationException("CHARTROOM_WORKERS must be at least 1");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new ConfigurationException("CHARTROOM_TOKEN_TTL_SECONDS must be positive");
        }
    }

    public static ChartroomSettings defaults(Path dataDir) {
        return new ChartroomSettings(dataDir, DEFAULT_MAX_UPLOAD_BYTES, Runtime.getRuntime().availableProcessors(),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(15));
    }

    /** Defaults overridden by the CHARTROOM_* variables of the given environment. */
    public static ChartroomSettings fromEnvironment(Path dataDir, Map<String, String> env) {
        ChartroomSettings d = defaults(dataDir);
        return new ChartroomSettings(dataDir,
                number(env, "CHARTROOM_MAX_UPLOAD_BYTES", d.maxUploadBytes(), Long::parseLong),
                number(env, "CHARTROOM_WORKERS", d.workers(), Integer::parseInt),
                Duration.ofMillis(number(env, "CHARTROOM_REFRESH_MS", d.refreshInterval().toMillis(), Long::parseLong)),
                Duration.ofMillis(number(env, "CHARTROOM_COMMIT_MS", d.commitInterval().toMillis(), Long::parseLong)),
                Duration.ofSeconds(number(env, "CHARTROOM_TOKEN_TTL_SECONDS", d.tokenTtl().toSeconds(),
                        Long::parseLong)));
    }

    /**
     * How scans are recognised, from {@code CHARTROOM_OCR_THREADS} (pages at once, default: the number of cores),
     * {@code CHARTROOM_OCR_PAGE_TIMEOUT_S} (default 120), {@code CHARTROOM_OCR_MAX_PAGES} (default 500),
     * {@code CHARTROOM_OCR_MAX_PIXELS} (default 150 million) and {@code CHARTROOM_TESSERACT} (default
     * {@code tesseract}).
     */
    public static OcrSettings ocrFromEnvironment(Map<String, String> env) {
        OcrSettings d = OcrSettings.defaults();
        try {
            return d.withThreads(number(env, OcrSettings.THREADS, d.threads(), Integer::parseInt))
                    .withPageTimeout(Duration.ofSeconds(number(env, OcrSettings.PAGE_TIMEOUT,
                            d.pageTimeout().toSeconds(), Long::parseLong)))
                    .withMaxPages(number(env, OcrSettings.MAX_PAGES, d.maxPages(), Integer::parseInt))
                    .withMaxPixels(number(env, OcrSettings.MAX_PIXELS, d.maxPixels(), Long::parseLong))
                    .withCommand(env.getOrDefault(OcrSettings.TESSERACT, d.command()).strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /**
     * How the pipeline retries, from {@code CHARTROOM_MAX_ATTEMPTS} (deliveries of a work item before it is given up
     * and the document marked FAILED, default 3) and {@code CHARTROOM_RETRY_BACKOFF_MS} (the first wait, doubled for
     * each further attempt; default 1000), with this instance's workers and commit interval.
     */
    public PipelineSettings pipeline(Map<String, String> env) {
        PipelineSettings d = PipelineSettings.defaults();
        try {
            return d.withWorkers(workers).withCommitInterval(commitInterval)
                    .withRetries(number(env, "CHARTROOM_MAX_ATTEMPTS", d.maxAttempts(), Integer::parseInt),
                            Duration.ofMillis(number(env, "CHARTROOM_RETRY_BACKOFF_MS", d.retryBackoff().toMillis(),
                                    Long::parseLong)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /**
     * The Pulsar broker to run the pipeline's stages through, when {@code url} (the {@code --pulsar} option) or
     * {@code CHARTROOM_PULSAR_URL} names one; empty for the embedded default. Further settings:
     * {@code CHARTROOM_PULSAR_TOPICS} (the topic prefix, default {@value PulsarSettings#DEFAULT_TOPIC_PREFIX}),
     * {@code CHARTROOM_PULSAR_IN_FLIGHT} (items a process holds unacknowledged at most; default: that of
     * {@link PulsarSettings#of} in a worker, {@value #SERVING_IN_FLIGHT} in the serving process, whose index stage
     * acknowledges a commit interval's worth at once), and the retry settings of {@link #pipeline}.
     *
     * @param url     the {@code --pulsar} option, or null
     * @param serving true for the serving process (it runs the index stage), false for a worker
     */
    public Optional<PulsarSettings> pulsar(Map<String, String> env, String url, boolean serving) {
        String service = url != null && !url.isBlank() ? url.strip() : env.getOrDefault("CHARTROOM_PULSAR_URL", "");
        if (service.isBlank()) {
            return Optional.empty();
        }
        PipelineSettings retries = pipeline(env);
        try {
            PulsarSettings p = PulsarSettings.of(service, workers)
                    .withRetries(retries.maxAttempts(), retries.retryBackoff());
            String prefix = env.get("CHARTROOM_PULSAR_TOPICS");
            if (prefix != null && !prefix.isBlank()) {
                p = p.withTopicPrefix(prefix.strip());
            }
            return Optional.of(p.withMaxInFlight(number(env, "CHARTROOM_PULSAR_IN_FLIGHT",
                    serving ? SERVING_IN_FLIGHT : p.maxInFlight(), Integer::parseInt)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /** In flight in the serving process: its index stage holds a commit interval's worth of items. */
    public static final int SERVING_IN_FLIGHT = 2000;

    /** {@link #ocrFromEnvironment} of this process's environment. */
    public OcrSettings ocr() {
        return ocrFromEnvironment(System.getenv());
    }

    /** The dictation settings ({@code CHARTROOM_ASR_*}, see {@link AsrSettings#fromEnvironment}) of this process. */
    public AsrSettings asr() {
        return AsrSettings.fromEnvironment(dataDir, System.getenv());
    }

    private static <T> T number(Map<String, String> env, String name, T fallback, Function<String, T> parse) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name + " must be a whole number, not '" + value + "'");
        }
    }

    public Path originalsDir() {
        return dataDir.resolve("originals");
    }

    /** Stage results waiting for the next stage (see {@code ResultStore}). */
    public Path resultsDir() {
        return dataDir.resolve("results");
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    public Path tmpDir() {
        return dataDir.resolve("tmp");
    }

    public Path usersDir() {
        return dataDir.resolve("users");
    }

    public Path auditDir() {
        return dataDir.resolve("audit");
    }

    public Path keysDir() {
        return dataDir.resolve("keys");
    }

    public ChartroomSettings withMaxUploadBytes(long bytes) {
        return new ChartroomSettings(dataDir, bytes, workers, refreshInterval, commitInterval, tokenTtl);
    }
}
