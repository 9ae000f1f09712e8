package org.chartroom.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartroom.api.bench.OcrBenchmark;
import org.chartroom.api.bench.ScanCorpus;
import org.chartroom.api.runtime.ChartroomSettings;
import org.chartroom.ingest.ocr.OcrSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chartroom bench ocr}: accuracy and speed of scan recognition against plain tesseract. */
@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = {"OCR accuracy (CER/WER per degradation, beside plain tesseract) and pages/minute on a scan "
                + "corpus generated from MTSamples reports into --work (deleted afterwards unless --keep)."})
final class OcrBenchCommand implements Callable<Integer> {
    @Mixin
    BenchCommand.Common common;

    @Option(names = "--pages", defaultValue = "4",
            description = "Report pages generated (each in every degradation). Default: ${DEFAULT-VALUE}.")
    int pages;

    @Option(names = "--seed", defaultValue = "8", description = "Corpus seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--work", description = "Folder for the generated corpus. Default: a new temporary folder.")
    Path work;

    @Option(names = "--font", paramLabel = "TTF", description = "TrueType font to typeset the corpus in, e.g. "
            + "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf. Default: Liberation Sans, bundled "
            + "with PDFBox (the same on every machine).")
    Path font;

    @Option(names = "--keep", description = "Keep the generated corpus.")
    boolean keep;

    @Option(names = "--tesseract-option", description = "Extra tesseract -c option for Chartroom's runs, e.g. "
            + "thresholding_method=2 (to measure a preprocessing choice).")
    List<String> tesseractOptions = List.of();

    @Override
    public Integer call() throws Exception {
        Path folder = work != null ? work : Files.createTempDirectory("chartroom-scans");
        OcrSettings settings = ChartroomSettings.ocrFromEnvironment(System.getenv())
                .withExtraOptions(tesseractOptions);
        try {
            System.err.printf("generating %d pages × %d degradations into %s%n", pages,
                    ScanCorpus.Degradation.values().length, folder);
            List<ScanCorpus.Scan> scans = ScanCorpus.generate(common.reports(), pages, seed, folder, font);
            common.publish(new OcrBenchmark(scans, settings).run(common.warmup, common.runs));
        } finally {
            if (!keep) {
                try (var files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return 0;
    }
}
