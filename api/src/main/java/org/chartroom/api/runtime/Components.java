package org.chartroom.api.runtime;

import org.apache.tika.config.TikaConfig;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.ingest.extract.TikaTextExtractor;
import org.chartroom.ingest.ocr.ScanRecognizer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.chartroom.core.error.ChartroomException;
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
     * import}, {@code annotate} or {@code codes}); otherwise concepts come from the abbreviations only and no codes
     * are suggested, and one log line says how to build the index. Likewise the document-type classifier of
     * {@code <data>/models/doctype/}. Never builds (a server must not stall on it).
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
        return ClinicalNoteAnnotator.withCodes(() -> {
            if (!CodeIndex.exists(dataDir.resolve("codes"))) {
                LOG.warn("no ICD-10-CM code index in the data directory: notes get no code suggestions until"
                        + " 'chartroom codes import' builds it");
                return Optional.empty();
            }
            try {
                return Optional.of(codes(dataDir));
            } catch (ChartroomException e) {
                LOG.warn("the ICD-10-CM code index cannot be opened ({}); notes get no code suggestions",
                        e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** The opened code index of {@code dataDir} (built on first use), once per process. */
    public static CodeResources codes(Path dataDir) {
        Path key = dataDir.toAbsolutePath().normalize();
        return CODES.computeIfAbsent(key, k -> {
            CodeIndexHome home = CodeIndexHome.of(k, System.getenv());
            return CodeResources.of(home.open(System.err), home.index());
        });
    }

    /**
     * An extractor spooling to the system temp folder, recognising scans when Tesseract is installed: for the
     * stateless {@code extract} command only.
     */
    public static TikaTextExtractor extractor() {
        return Extractor.INSTANCE;
    }
}
