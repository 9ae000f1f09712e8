package org.chartroom.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.config.TikaConfig;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PayloadTooLargeException;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.error.UnsupportedMediaTypeException;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.TextExtractor;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.ingest.extract.ExtractSettings;
import org.chartroom.ingest.extract.TikaTextExtractor;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.KeyRing;
import org.chartroom.ingest.format.MediaTypeSniffer;
import org.chartroom.ingest.testing.Fixtures;
import org.chartroom.ingest.testing.RecordingWorkQueue;
import org.junit.jupiter.api.AfterEach;
import org.chartroom.ingest.ocr.OcrSettings;
import org.chartroom.ingest.testing.Scans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeServiceTest {
    /** Intake as the runtime runs it: encrypted, so type detection and PDF checks read decrypted streams. */
    private static final Encryption ENCRYPTION =
            Encryption.with(new KeyRing(KeyRing.newKey(), List.of(), "test"));
    private static MediaTypeSniffer sniffer;
    private static List<TextExtractor> extractors;

    @TempDir
    Path data;
    private OriginalStore store;
    private RecordingWorkQueue queue;
    private IntakeService intake;

    @BeforeAll
    static void loadTika() {
        TikaConfig tika = TikaConfig.getDefaultConfig();
        sniffer = new MediaTypeSniffer(tika);
        extractors = List.of(new TikaTextExtractor(tika, ExtractSettings.defaults()));
    }

    @BeforeEach
    void open() {
        store = OriginalStore.open(data.resolve("originals"), ENCRYPTION);
        queue = new RecordingWorkQueue();
        intake = new IntakeService(store, sniffer, IntakeService.readableBy(extractors), queue,
                IntakeSettings.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private IntakeRecord accept(String fileName, byte[] content) {
        return intake.accept(Fixtures.metadata(), fileName, "dr.test", new ByteArrayInputStream(content));
    }

    @Test
    void anAcceptedUploadIsStoredDurablyAndQueuedForExtraction() throws IOException {
        byte[] content = Fixtures.text(Fixtures.NOTE);
        IntakeRecord record = accept("visit.txt", content);

        assertEquals("text/plain", record.original().mediaType());
        assertEquals(content.length, record.original().size());
        assertEquals(64, record.original().sha256().length());
        assertEquals("visit.txt", record.original().fileName());
        assertEquals("dr.test", record.original().receivedBy());
        assertEquals(Fixtures.metadata(), record.metadata());
        assertEquals(List.of(new WorkItem(record.id(), 1, Stage.EXTRACT)), queue.submitted);

        store.close();
        store = OriginalStore.open(data.resolve("originals"), ENCRYPTION);
        assertEquals(record, store.find(record.id()).orElseThrow());
        try (InputStream in = store.openOriginal(record.id())) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    @Test
    void everySupportedFormatIsAccepted() {
        assertEquals("application/pdf", accept("a", Fixtures.pdf("One.", "Two.")).original().mediaType());
        byte[] docx = Fixtures.docx("x"); // generated once: two generations can differ in length (zip timestamps)
        assertEquals(docx.length, accept("b", docx).original().size());
        assertEquals("application/vnd.oasis.opendocument.text", accept("c", Fixtures.odt("x")).original().mediaType());
        assertEquals("application/rtf", accept("d", Fixtures.rtf()).original().mediaType());
        assertEquals("text/html", accept("e", Fixtures.html()).original().mediaType());
        assertEquals(5, queue.submitted.size());
    }

    @Test
    void theClientsFileNameIsKeptForDisplayOnly() {
        assertEquals("passwd", accept("../../etc/passwd", Fixtures.text("a")).original().fileName());
        assertEquals("report.txt", accept("C:\\Users\\dr\\report.txt", Fixtures.text("a")).original().fileName());
        assertEquals("ab", accept("a\u0000b\n", Fixtures.text("a")).original().fileName());
        assertEquals("", accept(null, Fixtures.text("a")).original().fileName());
    }

    @Test
    void anUploadOverTheLimitIsCutOffAsSoonAsItExceedsIt() {
        CountingStream twoHundredMegabytes = new CountingStream(200L * 1024 * 1024);
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> intake.accept(
                Fixtures.metadata(), "big.txt", "dr.test", twoHundredMegabytes));

        long limit = IntakeSettings.DEFAULT_MAX_UPLOAD_BYTES;
        assertEquals("upload exceeds the limit of " + limit + " bytes (set chartroom.intake.max-upload-bytes)",
                e.getMessage());
        assertEquals(limit + 1, twoHundredMegabytes.read, "reads one byte past the limit, not the whole upload");
        assertNothingStored();
    }

    @Test
    void anEmptyFileIsInvalid() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> accept("empty.txt", new byte[0]));
        assertEquals("the file is empty", e.getMessage());
        assertNothingStored();
    }

    @Test
    void aPngNamedLikeAPdfIsRefusedAsAnImage() {
        UnsupportedMediaTypeException e = assertThrows(UnsupportedMediaTypeException.class,
                () -> accept("report.pdf", Fixtures.png()));
        assertTrue(e.getMessage().startsWith("content is image/png, not a supported document type (supported: "
                + "text/plain, application/pdf, "), e.getMessage());
        assertTrue(e.getMessage().contains("need OCR: install the tesseract-ocr"), e.getMessage());
        assertNothingStored();
    }

    /** Images are checked from their headers when OCR can read them (the predicate stands in for it). */
    private IntakeService imageIntake(IntakeSettings settings) {
        return new IntakeService(store, sniffer, type -> true, queue, settings, Clock.systemUTC());
    }

    @Test
    void aDecompressionBombImageIsRefusedFromItsHeader() {
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                () -> imageIntake(IntakeSettings.defaults()).accept(Fixtures.metadata(), "bomb.png", "dr.test",
                        new ByteArrayInputStream(Scans.pngHeader(100_000, 100_000))));
        assertTrue(e.getMessage().contains("100000 × 100000 pixels") && e.getMessage().contains(
                OcrSettings.MAX_PIXELS), e.getMessage());
        assertNothingStored();
    }

    @Test
    void aCorruptImageOrOneWithTooManyPagesIsRefused() {
        // Cut inside its header: damage to the pixel data itself is found when the page is decoded, not here.
        byte[] cut = java.util.Arrays.copyOf(Scans.png(Scans.page("PLAN: Rest.")), 20);
        UnprocessableContentException corrupt = assertThrows(UnprocessableContentException.class,
                () -> imageIntake(IntakeSettings.defaults()).accept(Fixtures.metadata(), "cut.png", "dr.test",
                        new ByteArrayInputStream(cut)));
        assertTrue(corrupt.getMessage().contains("corrupt"), corrupt.getMessage());
        IntakeSettings onePage = IntakeSettings.defaults().withImageLimitsOf(OcrSettings.defaults().withMaxPages(1));
        byte[] tiff = Scans.tiff(Scans.page("ONE"), Scans.page("TWO"));
        UnprocessableContentException pages = assertThrows(UnprocessableContentException.class,
                () -> imageIntake(onePage).accept(Fixtures.metadata(), "two.tif", "dr.test",
                        new ByteArrayInputStream(tiff)));
        assertTrue(pages.getMessage().contains(OcrSettings.MAX_PAGES), pages.getMessage());
        assertNothingStored();
        IntakeRecord accepted = imageIntake(IntakeSettings.defaults()).accept(Fixtures.metadata(), "two.tif",
                "dr.test", new ByteArrayInputStream(tiff));
        assertEquals("image/tiff", accepted.original().mediaType());
    }

    @Test
    void audioIsRefusedWhenNoRecogniserIsConfiguredAndTheMessageSaysHowToEnableIt() {
        UnsupportedMediaTypeException e = assertThrows(UnsupportedMediaTypeException.class,
                () -> accept("dictation.pdf", Fixtures.wav()));
        assertTrue(e.getMessage().contains("install ffmpeg and PocketSphinx") && e.getMessage().contains(
                "CHARTROOM_VOSK_MODEL"), e.getMessage());
        assertNothingStored();
    }

    @Test
    void aWavDictationIsAcceptedWhenSpeechRecognitionReadsIt() {
        IntakeRecord accepted = imageIntake(IntakeSettings.defaults()).accept(Fixtures.metadata(), "d.wav", "dr.test",
                new ByteArrayInputStream(Fixtures.wav()));
        assertEquals("audio/vnd.wave", accepted.original().mediaType());
    }

    @Test
    void aWavCutOffInTransferIsUnprocessableAndOneOverTheLengthLimitTooLarge() {
        byte[] wav = Fixtures.wav();
        byte[] cut = Arrays.copyOf(wav, wav.length - 1000);
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                () -> imageIntake(IntakeSettings.defaults()).accept(Fixtures.metadata(), "d.wav", "dr.test",
                        new ByteArrayInputStream(cut)));
        assertTrue(e.getMessage().contains("cut off") && e.getMessage().contains(wav.length + " bytes"),
                e.getMessage());
        // The fixture holds 0.1 s of audio.
        PayloadTooLargeException tooLong = assertThrows(PayloadTooLargeException.class,
                () -> imageIntake(IntakeSettings.defaults().withMaxAudioSeconds(0.05)).accept(Fixtures.metadata(),
                        "d.wav", "dr.test", new ByteArrayInputStream(wav)));
        assertTrue(tooLong.getMessage().contains("CHARTROOM_ASR_MAX_SECONDS"), tooLong.getMessage());
        assertNothingStored();
    }

    @Test
    void xmlIsNotAcceptedAsText() {
        byte[] cda = Fixtures.text("<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>");
        UnsupportedMediaTypeException e = assertThrows(UnsupportedMediaTypeException.class, () -> accept("n", cda));
        assertTrue(e.getMessage().startsWith("content is application/xml,"), e.getMessage());
    }

    @Test
    void aPdfHeaderFollowedByJunkIsUnprocessable() {
        byte[] junk = Fixtures.text("%PDF-1.7\nthis is not really a PDF\n%%EOF\n");
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class, () -> accept("a", junk));
        assertEquals("the PDF is corrupt or unreadable", e.getMessage());
        assertNothingStored();
    }

    @Test
    void aPdfCutOffMidUploadIsUnprocessable() {
        byte[] pdf = Fixtures.pdf("First page of the report.", "Second page of the report.");
        for (double fraction : new double[] {0.3, 0.6, 0.9, 0.99}) {
            byte[] truncated = Arrays.copyOf(pdf, (int) (pdf.length * fraction));
            assertThrows(UnprocessableContentException.class, () -> accept("cut.pdf", truncated),
                    "cut at " + fraction);
        }
        assertNothingStored();
    }

    @Test
    void aPasswordProtectedPdfIsUnprocessableAndSaysWhy() {
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                () -> accept("locked.pdf", Fixtures.passwordProtectedPdf("secret")));
        assertTrue(e.getMessage().contains("encrypted with a password"), e.getMessage());
        assertNothingStored();
    }

    @Test
    void aPdfWithoutPagesIsUnprocessable() throws IOException {
        byte[] empty;
        try (PDDocument document = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            document.save(out);
            empty = out.toByteArray();
        }
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                () -> accept("empty.pdf", empty));
        assertTrue(e.getMessage().contains("no pages"), e.getMessage());
        assertNothingStored();
    }

    @Test
    void anUploadIsStillAcceptedWhenTheQueueHasClosed() {
        queue.close();
        IntakeRecord record = accept("late.txt", Fixtures.text("arrived during shutdown"));
        assertTrue(store.find(record.id()).isPresent(), "durable, so recovery will process it at the next start");
    }

    @Test
    void concurrentUploadsAreAllStoredUnderDistinctIds() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<IntakeRecord>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] content = Fixtures.text("note " + i);
                futures.add(clients.submit(() -> accept("n.txt", content)));
            }
            Set<DocumentId> ids = new java.util.HashSet<>();
            for (Future<IntakeRecord> f : futures) {
                ids.add(f.get().id());
            }
            assertEquals(200, ids.size());
            try (Stream<DocumentId> stored = store.acceptedIds()) {
                assertEquals(ids, stored.collect(Collectors.toSet()));
            }
            assertEquals(200, queue.submitted.size());
        } finally {
            clients.shutdownNow();
        }
    }

    /** Not a pass/fail check: prints what an fsync-per-upload intake costs on this machine. */
    @Test
    void acceptThroughputFor4KbTextUploads() throws Exception {
        byte[] content = Fixtures.text(("Patient seen in clinic today. ").repeat(140).substring(0, 4096));
        for (int i = 0; i < 20; i++) {
            accept("warmup.txt", content);
        }
        int n = 300;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            accept("note.txt", content);
        }
        double serial = n / ((System.nanoTime() - started) / 1e9);

        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<IntakeRecord>> futures = new ArrayList<>();
            started = System.nanoTime();
            for (int i = 0; i < n; i++) {
                futures.add(clients.submit(() -> accept("note.txt", content)));
            }
            for (Future<IntakeRecord> f : futures) {
                f.get();
            }
            double parallel = n / ((System.nanoTime() - started) / 1e9);
            System.out.printf("accept() of 4 KB text with fsync: %.0f uploads/s on 1 thread, %.0f uploads/s on 8 "
                    + "threads%n", serial, parallel);
        } finally {
            clients.shutdownNow();
        }
    }

    private void assertNothingStored() {
        try (Stream<DocumentId> ids = store.acceptedIds(); Stream<Path> temporary = Files.list(store.scratchDirectory())) {
            assertEquals(0, ids.count(), "no document accepted");
            assertEquals(List.of(), temporary.toList(), "no temporary file left behind");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(List.of(), queue.submitted);
    }

    /** Produces {@code size} bytes of text without holding them, counting how many were read. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            Arrays.fill(b, off, off + n, (byte) 'a');
            read += n;
            return n;
        }
    }
}
