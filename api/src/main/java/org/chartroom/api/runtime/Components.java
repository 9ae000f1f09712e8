package org.chartroom.api.runtime;

import org.apache.tika.config.TikaConfig;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.ingest.extract.TikaTextExtractor;
import org.chartroom.ingest.ocr.ScanRecognizer;
import org.chartroom.nlp.ClinicalNoteAnnotator;

/**
 * The stage implementations that need no data directory, shared by the runtime and the stateless commands
 * ({@code annotate}, {@code extract}). Each is built once per process, on first use: loading models and Tika's
 * parser registry is the expensive part.
 */
public final class Components {
    private Components() {
    }

    private static final class Tika {
        static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();
    }

    private static final class Annotator {
        static final ClinicalAnnotator INSTANCE = new ClinicalNoteAnnotator();
    }

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
     * An extractor spooling to the system temp folder, recognising scans when Tesseract is installed: for the
     * stateless {@code extract} command only.
     */
    public static TikaTextExtractor extractor() {
        return Extractor.INSTANCE;
    }
}
