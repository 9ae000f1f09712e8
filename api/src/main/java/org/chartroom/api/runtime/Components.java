package org.chartroom.api.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tika.config.TikaConfig;
import org.chartroom.asr.AsrSettings;
import org.chartroom.asr.AudioTextExtractor;
import org.chartroom.asr.DictationTranscriber;
import org.chartroom.core.error.ChartroomException;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.pipeline.TextExtractor;
import org.chartroom.ingest.extract.ExtractSettings;
import org.chartroom.ingest.extract.TikaTextExtractor;
import org.chartroom.ingest.ocr.ScanRecognizer;
import org.chartroom.ingest.pipeline.StageReaders;
import org.chartroom.nlp.ClinicalNoteAnnotator;
import org.chartroom.nlp.codes.CodeIndex;
import org.chartroom.nlp.codes.CodeIndexHome;
import org.chartroom.nlp.concept.CodeResources;
import org.chartroom.nlp.doctype.DocumentClassifier;
import org.chartroom.nlp.doctype.DocumentClassifierHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stage implementations that need no data directory, shared by the runtime and the stateless commands
 * ({@code annotate}, {@code extract}). Each is built once per process, on first use: loading models and Tika's
 * parser registry is the expensive part.
 */
public final class Components {
    private static final Logger LOG = LoggerFactory.getLogger(Components.class);

    private Components() {
    }

    private static final class Tika {
        static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();
    }

    private static final class Annotator {
        // The runtime's data directory is not passed here: use the same default as --data (CHARTROOM_DATA).
        static final ClinicalAnnotator INSTANCE = annotatorIfIndexed(
                Path.of(System.getenv().getOrDefault("CHARTROOM_DATA", "./data")));
    }

    private static final Map<Path, CodeResources> CODES = new ConcurrentHashMap<>();
    private static final Map<Path, CodeIndex> CODE_INDEXES = new ConcurrentHashMap<>();

    private static final class Extractor {
        static final TikaTextExtractor INSTANCE = new TikaTextExtractor(Tika.CONFIG,
                org.chartroom.ingest.extract.ExtractSettings.defaults(),
                new ScanRecognizer(ChartroomSettings.ocrFromEnvironment(System.getenv())));
    }

    public static TikaConfig tikaConfig() {
        return Tika.CONFIG;
    }

    public static ClinicalAnnotator annotator() {
        return Annotator.INSTANCE;
    }

    /**
     * The annotator with the code index of {@code dataDir} ({@code <data>/codes/}, built on first use from the
     * release folder of {@code CHARTROOM_ICD10CM}, progress on stderr).
     *
     * @throws org.chartroom.core.error.ConfigurationException when the index is missing and cannot be built; the
     *         message names the setting
     */
    public static ClinicalNoteAnnotator annotator(Path dataDir) {
        CodeResources resources = codes(dataDir);
        return ClinicalNoteAnnotator.withCodes(() -> Optional.of(resources))
                .withDocumentClassifier(() -> documentClassifier(dataDir, true));
    }

    /**
     * The annotator with the code index of {@code dataDir} when one has been built there (by {@code chartroom codes
     * import}, {@code annotate}, {@code codes}, or {@link #buildCodeIndexInBackground} when the server starts);
     * until then concepts come from the abbreviations only and no codes are suggested, one log line says how to build
     * the index, and the data directory is looked at again every {@link #CODE_INDEX_LOOK_INTERVAL} (so an index built
     * meanwhile, by this process or another, is taken up). Likewise the document-type classifier of
     * {@code <data>/models/doctype/} (looked for once). Never builds (a pipeline must not stall on it).
     */
    public static ClinicalNoteAnnotator annotatorIfIndexed(Path dataDir) {
        return annotatorWithExistingCodes(dataDir).withDocumentClassifier(() -> documentClassifier(dataDir, false));
    }

    /**
     * The document type and specialty classifier of {@code dataDir} ({@code <data>/models/doctype/}): trained on
     * first use from {@code CHARTROOM_DOCTYPE_CORPUS} (default: the shared MTSamples copy) when {@code build}, with
     * progress on stderr; otherwise only opened when it exists. Empty, with one log line saying how to get it, when
     * there is none; notes then get no type or specialty suggestion.
     */
    static Optional<DocumentClassifier> documentClassifier(Path dataDir, boolean build) {
        DocumentClassifierHome home = DocumentClassifierHome.of(dataDir, System.getenv());
        try {
            if (build) {
                return Optional.of(home.open(System.err::println));
            }
            if (!home.exists()) {
                LOG.warn("no document-type classifier in the data directory: notes get no type or specialty"
                        + " suggestion until 'chartroom train doctype' builds it");
                return Optional.empty();
            }
            return Optional.of(DocumentClassifier.load(home.folder()));
        } catch (RuntimeException e) {
            // Asked once per process (the annotator memoizes the answer), so a failed build is not retried per note.
            LOG.warn("no document-type classifier ({}); notes get no type or specialty suggestion", e.getMessage());
            return Optional.empty();
        }
    }

    private static ClinicalNoteAnnotator annotatorWithExistingCodes(Path dataDir) {
        java.util.concurrent.atomic.AtomicLong nextLook = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
        return ClinicalNoteAnnotator.withCodes(() -> {
            long now = System.nanoTime();
            long due = nextLook.get();
            if (now - due < 0 || !nextLook.compareAndSet(due, now + CODE_INDEX_LOOK_INTERVAL.toNanos())) {
                return Optional.empty();
            }
            if (!CodeIndex.exists(dataDir.resolve("codes"))) {
                if (!told.getAndSet(true)) {
                    LOG.warn("no ICD-10-CM code index in the data directory: notes get no code suggestions until"
                            + " 'chartroom codes import' builds it");
                }
                return Optional.empty();
            }
            try {
                Optional<CodeResources> codes = Optional.of(codes(dataDir));
                LOG.info("ICD-10-CM code index open: notes get code suggestions");
                return codes;
            } catch (ChartroomException e) {
                if (!told.getAndSet(true)) {
                    LOG.warn("the ICD-10-CM code index cannot be opened ({}); notes get no code suggestions",
                            e.getMessage());
                }
                return Optional.empty();
            }
        });
    }

    /** How often an annotator without a code index looks for one again. */
    static final java.time.Duration CODE_INDEX_LOOK_INTERVAL = java.time.Duration.ofSeconds(5);

    /**
     * Builds the code index of {@code dataDir} in a background thread when it is missing (or of an older format) and
     * a release folder is configured ({@code CHARTROOM_ICD10CM}) or found: the server's first start then needs no
     * separate {@code chartroom codes import}, and notes filed once it is built get code suggestions.
     *
     * @return whether a build was started
     */
    public static boolean buildCodeIndexInBackground(Path dataDir) {
        CodeIndexHome home = CodeIndexHome.of(dataDir.toAbsolutePath().normalize(), System.getenv());
        if (CodeIndex.exists(home.index()) || home.release().isEmpty()) {
            return false;
        }
        Thread build = new Thread(() -> {
            long started = System.nanoTime();
            try {
                // Progress lines name counts and folders only.
                home.build(System.err);
                LOG.info("ICD-10-CM code index built in {} s from {}; notes filed from now on get code suggestions",
                        (System.nanoTime() - started) / 1_000_000_000, home.release().get());
            } catch (RuntimeException e) {
                LOG.error("building the ICD-10-CM code index from {} failed: {}; run 'chartroom codes import --from "
                        + "DIR' or set {}", home.release().get(), e.getMessage(), CodeIndexHome.SETTING);
            }
        }, "chartroom-codes-import");
        build.setDaemon(true);
        build.setPriority(Thread.MIN_PRIORITY);
        build.start();
        LOG.info("building the ICD-10-CM code index from {} in the background", home.release().get());
        return true;
    }

    /** The opened code index of {@code dataDir} (built on first use), once per process. */
    public static CodeResources codes(Path dataDir) {
        Path key = dataDir.toAbsolutePath().normalize();
        return CODES.computeIfAbsent(key, k -> CodeResources.of(codeIndex(k), CodeIndexHome.of(k, System.getenv())
                .index()));
    }

    /**
     * The code index of {@code dataDir} when one has been built there (never builds one: a request must not wait for
     * that); opened once per process.
     */
    public static Optional<CodeIndex> codeIndexIfBuilt(Path dataDir) {
        return CodeIndex.exists(dataDir.resolve("codes")) ? Optional.of(codeIndex(dataDir)) : Optional.empty();
    }

    /** The code index of {@code dataDir} itself (built on first use), once per process; {@link #codes} shares it. */
    public static CodeIndex codeIndex(Path dataDir) {
        return CODE_INDEXES.computeIfAbsent(dataDir.toAbsolutePath().normalize(),
                k -> CodeIndexHome.of(k, System.getenv()).open(System.err));
    }

    /**
     * The readers of each stage. Embedded ({@code scaledOut} false): the dictation reader and one Tika extractor that
     * recognises scans itself, all at EXTRACT, as one pass. Scaled out: EXTRACT reads text layers only (Tika without
     * OCR), OCR reads images and PDFs with pages without text (Tika with Tesseract), ASR reads dictations, so each can
     * run in its own worker.
     *
     * @param scratch   where Tika spools originals while reading (inside the data directory: PHI)
     * @param dictation the opened dictation reader; when empty, scaled out uses {@link #dictation} (opened on first
     *                  use, so a process that only routes dictations needs no engine) and embedded reads no audio
     */
    public static StageReaders readers(Path dataDir, Path scratch, ScanRecognizer ocr, boolean scaledOut,
                                       Optional<? extends TextExtractor> dictation) {
        ExtractSettings extract = ExtractSettings.defaults().withTempDirectory(scratch);
        TikaTextExtractor scans = new TikaTextExtractor(tikaConfig(), extract, ocr);
        if (!scaledOut) {
            List<TextExtractor> all = new ArrayList<>();
            dictation.ifPresent(all::add);
            all.add(scans);
            return StageReaders.of(all);
        }
        return new StageReaders(List.of(new TikaTextExtractor(tikaConfig(), extract)), List.of(scans),
                List.of(dictation.<TextExtractor>map(d -> d).orElseGet(() -> dictation(dataDir))));
    }

    /**
     * Dictations as text (the ASR stage): the transcriber of {@code CHARTROOM_ASR_*} for the data directory, opened
     * on first use, so a process that never sees a dictation needs no speech engine.
     */
    public static AudioTextExtractor dictation(Path dataDir) {
        Path key = dataDir.toAbsolutePath().normalize();
        return new AudioTextExtractor(audio -> TRANSCRIBERS.computeIfAbsent(key,
                k -> DictationTranscriber.open(AsrSettings.fromEnvironment(k, System.getenv()))).transcribe(audio));
    }

    private static final Map<Path, DictationTranscriber> TRANSCRIBERS = new ConcurrentHashMap<>();

    /**
     * An extractor spooling to the system temp folder, recognising scans when Tesseract is installed: for the
     * stateless {@code extract} command only.
     */
    public static TikaTextExtractor extractor() {
        return Extractor.INSTANCE;
    }
}
