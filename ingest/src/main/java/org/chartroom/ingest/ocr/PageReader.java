package org.chartroom.ingest.ocr;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one page: {@link Preprocessor}, then {@link Tesseract}, then, only when that reading looks wrong
 * ({@link Orientation#looksWrong}), Tesseract's orientation detection; a page it says is turned is turned back,
 * prepared again (a sideways page's tilt can only be measured once it is upright: deskew is done again) and read
 * again, and the more confident of the two readings is kept ({@link Orientation#uprightConfidence}).
 *
 * <p>Thread-safe.
 */
public final class PageReader {
    private final Tesseract tesseract;
    private final Preprocessor preprocessor;
    private final boolean orientation;

    public PageReader(OcrSettings settings) {
        this.tesseract = new Tesseract(settings);
        this.preprocessor = new Preprocessor(settings);
        this.orientation = settings.preprocessing().contains(PreprocessingStep.ORIENTATION);
    }

    /**
     * What was read on a page, and how the page was corrected on the way.
     *
     * @param recognition the reading kept
     * @param applied     the steps that changed the page that was read ({@link PreprocessingStep#ORIENTATION} when
     *                    the page was turned)
     * @param skew        the tilt measured on the page that was read, in degrees
     * @param orientation what orientation detection said, when it ran (only on pages whose first reading looked
     *                    wrong)
     */
    public record PageReading(Recognition recognition, Set<PreprocessingStep> applied, double skew,
                              Optional<PageOrientation> orientation) {
        public PageReading {
            Objects.requireNonNull(recognition, "recognition");
            applied = Set.copyOf(applied);
            Objects.requireNonNull(orientation, "orientation");
        }

        /** Whether orientation detection was asked about this page. */
        public boolean orientationChecked() {
            return orientation.isPresent();
        }
    }

    /**
     * Reads one page; the page given may be changed.
     *
     * @throws Tesseract.PageFailure when Tesseract fails, cannot be started or the page takes longer than the page
     *                               timeout (one for all the Tesseract runs a page needs)
     */
    public PageReading read(ScanPage scan) throws Tesseract.PageFailure {
        // One page timeout for all of it: a turned page runs Tesseract three times.
        long deadline = tesseract.deadline();
        Preprocessor.Prepared prepared = preprocessor.prepare(scan);
        Recognition first = recognise(prepared.page(), deadline);
        PageReading reading = new PageReading(first, prepared.applied(), prepared.skew(), Optional.empty());
        if (!orientation || !Orientation.looksWrong(first)) {
            return reading;
        }
        ScanPage page = prepared.page();
        // A page with too few characters to tell is reported as upright with no confidence.
        PageOrientation detected = tesseract.orientation(page.image(), dpi(page), deadline)
                .orElse(new PageOrientation(0, 0));
        reading = new PageReading(first, prepared.applied(), prepared.skew(), Optional.of(detected));
        if (!Orientation.worthTurning(detected)) {
            return reading;
        }
        // The page as it came (background cleaning, if it ran, changed it in place; resampling and deskew made new
        // images) is turned and prepared again: a tilt measured across sideways lines means nothing.
        Preprocessor.Prepared turned = preprocessor.prepare(Orientation.turn(scan, detected.rotate()));
        Recognition second = recognise(turned.page(), deadline);
        if (Orientation.uprightConfidence(second) <= Orientation.uprightConfidence(first)) {
            return reading;
        }
        Set<PreprocessingStep> applied = EnumSet.of(PreprocessingStep.ORIENTATION);
        applied.addAll(prepared.applied());
        applied.remove(PreprocessingStep.DESKEW);
        applied.addAll(turned.applied());
        return new PageReading(second, applied, turned.skew(), Optional.of(detected));
    }

    private Recognition recognise(ScanPage page, long deadline) throws Tesseract.PageFailure {
        return tesseract.recognise(page.image(), dpi(page), deadline);
    }

    private static int dpi(ScanPage page) {
        return page.resolutionKnown() ? page.dpiY() : 0;
    }
}
