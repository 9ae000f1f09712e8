package org.chartroom.ingest.pipeline;

import java.util.List;
import java.util.Optional;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.TextExtractor;

/**
 * Which extractors read originals at which stage, and so where an original goes: a type a dictation reader supports
 * goes to ASR, one a typed reader supports to EXTRACT, one only a scan reader supports (images) to OCR. A PDF read
 * at EXTRACT whose pages are partly blank goes on to OCR when a scan reader other than the one that read it
 * supports PDFs (so the text-layer pages are read cheaply where OCR is not installed, and the scans where it is).
 *
 * <p>The embedded default gives every extractor as typed ({@link #of}), with OCR inside it: one pass per original,
 * as before the stages could run apart.
 *
 * @param typed     the EXTRACT stage's extractors (Tika), first match wins
 * @param scans     the OCR stage's extractors
 * @param dictation the ASR stage's extractors
 */
public record StageReaders(List<TextExtractor> typed, List<TextExtractor> scans, List<TextExtractor> dictation) {
    public StageReaders {
        typed = List.copyOf(typed);
        scans = List.copyOf(scans);
        dictation = List.copyOf(dictation);
    }

    /** Every extractor read at EXTRACT, the first that supports a type reading it. */
    public static StageReaders of(List<TextExtractor> extractors) {
        return new StageReaders(extractors, List.of(), List.of());
    }

    /** The stage that reads an original of this media type; empty when no extractor reads it. */
    public Optional<Stage> route(String mediaType) {
        if (first(dictation, mediaType).isPresent()) {
            return Optional.of(Stage.ASR);
        }
        if (first(typed, mediaType).isPresent()) {
            return Optional.of(Stage.EXTRACT);
        }
        return first(scans, mediaType).map(e -> Stage.OCR);
    }

    /** The extractor that reads this media type at this stage (EXTRACT, OCR or ASR). */
    public Optional<TextExtractor> reader(Stage stage, String mediaType) {
        return switch (stage) {
            case EXTRACT -> first(typed, mediaType);
            case OCR -> first(scans, mediaType);
            case ASR -> first(dictation, mediaType);
            default -> Optional.empty();
        };
    }

    /** Whether blank pages that {@code used} left should be recognised again at the OCR stage. */
    public boolean recognisedElsewhere(TextExtractor used, String mediaType) {
        return first(scans, mediaType).filter(scan -> scan != used).isPresent();
    }

    /** Every media type some stage reads, for intake's check. */
    public boolean readable(String mediaType) {
        return route(mediaType).isPresent();
    }

    private static Optional<TextExtractor> first(List<TextExtractor> extractors, String mediaType) {
        return extractors.stream().filter(e -> e.supports(mediaType)).findFirst();
    }
}
