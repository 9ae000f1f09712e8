package org.chartroom.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.ingest.queue.pulsar.PulsarSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale-out settings from options and CHARTROOM_* variables, and the worker's refusals. */
class ScaleOutSettingsTest {
    private final ChartroomSettings settings = ChartroomSettings.fromEnvironment(Path.of("data"),
            Map.of("CHARTROOM_WORKERS", "3"));

    @Test
    void withoutABrokerThePipelineIsEmbedded() {
        assertEquals(Optional.empty(), settings.pulsar(Map.of(), null, true));
        assertEquals(Optional.empty(), settings.pulsar(Map.of("CHARTROOM_PULSAR_URL", " "), "", false));
    }

    @Test
    void theOptionWinsOverTheEnvironmentAndTheServerHoldsACommitsWorthInFlight() {
        Map<String, String> env = Map.of("CHARTROOM_PULSAR_URL", "pulsar://env:6650",
                "CHARTROOM_PULSAR_TOPICS", "persistent://t/ns/x-", "CHARTROOM_MAX_ATTEMPTS", "5",
                "CHARTROOM_RETRY_BACKOFF_MS", "250");
        PulsarSettings worker = settings.pulsar(env, "pulsar://option:6650", false).orElseThrow();
        assertEquals("pulsar://option:6650", worker.serviceUrl());
        assertEquals("persistent://t/ns/x-nlp", worker.topic(Stage.NLP));
        assertEquals("persistent://t/ns/x-index-dlq", worker.deadLetterTopic(Stage.INDEX));
        assertEquals(3, worker.threads());
        assertEquals(12, worker.maxInFlight());
        assertEquals(5, worker.maxAttempts());
        assertEquals(Duration.ofMillis(250), worker.retryBackoff());
        PulsarSettings server = settings.pulsar(env, null, true).orElseThrow();
        assertEquals("pulsar://env:6650", server.serviceUrl());
        assertEquals(ChartroomSettings.SERVING_IN_FLIGHT, server.maxInFlight());
        assertEquals(7, settings.pulsar(Map.of("CHARTROOM_PULSAR_IN_FLIGHT", "7"), "pulsar://h:1", false)
                .orElseThrow().maxInFlight());
    }

    @Test
    void badValuesNameTheirSetting() {
        ConfigurationException url = assertThrows(ConfigurationException.class,
                () -> settings.pulsar(Map.of(), "http://broker:8080", true));
        assertTrue(url.getMessage().contains("CHARTROOM_PULSAR_URL"), url.getMessage());
        ConfigurationException attempts = assertThrows(ConfigurationException.class,
                () -> settings.pulsar(Map.of("CHARTROOM_MAX_ATTEMPTS", "many"), "pulsar://h:1", true));
        assertTrue(attempts.getMessage().contains("CHARTROOM_MAX_ATTEMPTS"), attempts.getMessage());
    }

    @Test
    void aWorkerRefusesTheIndexStageAndADataDirectoryWithoutItsKey(@TempDir Path data) {
        PulsarSettings pulsar = PulsarSettings.of("pulsar://127.0.0.1:1", 1);
        ChartroomSettings here = ChartroomSettings.defaults(data);
        ConfigurationException index = assertThrows(ConfigurationException.class,
                () -> WorkerRuntime.open(here, pulsar, Set.of(Stage.NLP, Stage.INDEX)));
        assertTrue(index.getMessage().contains("serving process"), index.getMessage());
        ConfigurationException key = assertThrows(ConfigurationException.class,
                () -> WorkerRuntime.encryption(here, Map.of()));
        assertTrue(key.getMessage().contains("CHARTROOM_MASTER_KEY"), key.getMessage());
    }
}
