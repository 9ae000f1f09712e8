package org.chartroom.asr.sphinx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files PocketSphinx recognises with: the acoustic model folder, the language model and the pronunciation
 * dictionary. The stock files come from Debian's {@code pocketsphinx-en-us}; {@code chartroom asr train-lm} writes a
 * medical language model and dictionary that replace the last two.
 *
 * @param languageWeight how much the language model counts against the acoustics ({@code -lw}): PocketSphinx's 6.5
 *                       for the stock model; 5 for the medical one, chosen on synthesized dictations of notes held out
 *                       of both training and the reported benchmark (rows from 3500: 4, 5 and 6.5 gave 15.8%, 15.5%
 *                       and 16.0% WER)
 */
public record PocketSphinxModel(Path acousticModel, Path languageModel, Path dictionary, double languageWeight) {
    public static final Path DEBIAN_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");

    /** Debian's stock US English model. */
    public static PocketSphinxModel stock() {
        return new PocketSphinxModel(DEBIAN_MODEL.resolve("en-us"), DEBIAN_MODEL.resolve("en-us.lm.bin"),
                DEBIAN_MODEL.resolve("cmudict-en-us.dict"), 6.5);
    }

    /** The stock acoustic model with the language model and dictionary of a {@code train-lm} output folder. */
    public static PocketSphinxModel adapted(Path folder) {
        return new PocketSphinxModel(stock().acousticModel(), folder.resolve(LM_FILE), folder.resolve(DICT_FILE),
                5.0);
    }

    public static final String LM_FILE = "medical.lm.bin";
    public static final String DICT_FILE = "medical.dict";

    /** The first of the files that is missing, if any. */
    public Optional<Path> missingFile() {
        if (!Files.isRegularFile(acousticModel.resolve("mdef"))) {
            return Optional.of(acousticModel.resolve("mdef"));
        }
        if (!Files.isRegularFile(languageModel)) {
            return Optional.of(languageModel);
        }
        return Files.isRegularFile(dictionary) ? Optional.empty() : Optional.of(dictionary);
    }
}
