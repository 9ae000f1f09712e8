package org.chartroom.asr.vosk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.chartroom.asr.AsrSettings;
import org.chartroom.core.text.SpokenWord;
import org.chartroom.asr.engine.EngineChoice;
import org.chartroom.asr.engine.SpeechEngines;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.error.UnprocessableContentException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vosk as far as a machine without a Vosk model allows: the native library, the errors for a missing or corrupt
 * model, the engine choice, and {@code models fetch} against a local server serving an archive built here.
 */
class VoskTest {
    @TempDir
    Path dir;
    ServerSocket server;
    final AtomicInteger requests = new AtomicInteger();
    volatile byte[] served;
    volatile long announcedLength;

    /**
     * A one-route HTTP server on a raw socket, so that a test can announce a length and then drop the connection
     * half way, as a failing network does.
     */
    @BeforeEach
    void serve() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    requests.incrementAndGet();
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    String line;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                        // request headers: one route, nothing to read
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + announcedLength
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(served);
                    out.flush();
                } catch (IOException e) {
                    // closed by the test, or the client gave up
                }
            }
        }, "test-model-server");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void theNativeLibraryLoads() {
        VoskEngine.loadNativeLibrary();
    }

    @Test
    void aMissingModelNamesTheSettingAndTheCommand() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new VoskEngine(dir.resolve("nowhere")));
        assertTrue(e.getMessage().contains("CHARTROOM_VOSK_MODEL"), e.getMessage());
        assertTrue(e.getMessage().contains("chartroom models fetch vosk-small-en-us"), e.getMessage());
    }

    @Test
    void aCorruptModelIsAClearErrorNotACrash() throws IOException {
        Path model = fakeModelFolder(dir.resolve("corrupt"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new VoskEngine(model));
        assertTrue(e.getMessage().contains("does not load") && e.getMessage().contains("CHARTROOM_VOSK_MODEL"),
                e.getMessage());
    }

    @Test
    void aFolderThatIsNotAModelIsRefusedBeforeTheNativeLoader() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new VoskEngine(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("not an unpacked Vosk model"), e.getMessage());
    }

    @Test
    void forcingVoskWithoutAModelFailsAndAutoFallsBackWhenNotExplicit() {
        AsrSettings settings = AsrSettings.fromEnvironment(dir, Map.of("CHARTROOM_ASR_ENGINE", "vosk"));
        assertThrows(ConfigurationException.class, () -> SpeechEngines.open(settings));
        assertEquals(EngineChoice.AUTO, AsrSettings.fromEnvironment(dir, Map.of()).engine());
        assertThrows(ConfigurationException.class, () -> EngineChoice.parse("whisper"));
    }

    @Test
    void readsVoskResults() {
        List<SpokenWord> words = new ArrayList<>();
        VoskEngine.addWords("{\"result\":[{\"conf\":0.9,\"end\":1.02,\"start\":0.6,\"word\":\"cough\"},"
                + "{\"conf\":0.4,\"end\":1.5,\"start\":1.1,\"word\":\"[unk]\"}],\"text\":\"cough\"}", words);
        VoskEngine.addWords("{\"text\":\"\"}", words);
        assertEquals(List.of(new SpokenWord("cough", 0.6, 1.02, 0.9, false)), words);
    }

    @Test
    void fetchInstallsAVerifiedArchiveAtomically() throws Exception {
        byte[] zip = modelArchive("vosk-model-test");
        serve(zip, zip.length);
        ModelFetcher.Outcome outcome = ModelFetcher.withDefaultClient().fetch(archive(sha256(zip)), dir);
        assertTrue(outcome.downloaded());
        assertEquals(dir.resolve("vosk-model-test"), outcome.modelDir());
        assertArrayEquals("weights".getBytes(), Files.readAllBytes(outcome.modelDir().resolve("am/final.mdl")));
        assertNoLeftovers();
    }

    @Test
    void aChecksumMismatchInstallsNothing() throws Exception {
        byte[] zip = modelArchive("vosk-model-test");
        serve(zip, zip.length);
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                () -> ModelFetcher.withDefaultClient().fetch(archive("00".repeat(32)), dir));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("vosk-model-test")));
        assertNoLeftovers();
    }

    @Test
    void aTruncatedDownloadInstallsNothing() throws Exception {
        byte[] zip = modelArchive("vosk-model-test");
        serve(java.util.Arrays.copyOf(zip, zip.length / 2), zip.length);
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                () -> ModelFetcher.withDefaultClient().fetch(archive(sha256(zip)), dir));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("vosk-model-test")));
        assertNoLeftovers();
    }

    @Test
    void anExistingModelIsNotDownloadedAgain() throws Exception {
        fakeModelFolder(dir.resolve("vosk-model-test"));
        byte[] zip = modelArchive("vosk-model-test");
        serve(zip, zip.length);
        ModelFetcher.Outcome outcome = ModelFetcher.withDefaultClient().fetch(archive(sha256(zip)), dir);
        assertFalse(outcome.downloaded());
        assertEquals(0, requests.get());
    }

    @Test
    void theCatalogueKnowsTheSmallEnglishModel() {
        ModelArchive a = ModelArchive.named("vosk-small-en-us").orElseThrow();
        assertEquals(AsrSettings.DEFAULT_VOSK_FOLDER, a.folder());
        assertEquals(64, a.sha256().length());
    }

    private void serve(byte[] body, long length) {
        served = body;
        announcedLength = length;
    }

    private ModelArchive archive(String sha256) {
        return new ModelArchive("test", URI.create("http://127.0.0.1:" + server.getLocalPort()
                + "/model.zip"), sha256, "vosk-model-test");
    }

    private void assertNoLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
    }

    static Path fakeModelFolder(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("am"));
        Files.createDirectories(folder.resolve("conf"));
        Files.write(folder.resolve("am/final.mdl"), "weights".getBytes());
        Files.writeString(folder.resolve("conf/model.conf"), "--sample-frequency=16000\n");
        return folder;
    }

    static byte[] modelArchive(String folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String[] e : new String[][] {{"am/final.mdl", "weights"}, {"conf/model.conf", "x"},
                    {"README", "test model"}}) {
                zip.putNextEntry(new ZipEntry(folder + "/" + e[0]));
                zip.write(e[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
