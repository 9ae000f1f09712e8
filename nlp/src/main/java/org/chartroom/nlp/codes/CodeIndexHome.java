package org.chartroom.nlp.codes;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

import org.chartroom.core.error.ConfigurationException;

/**
 * Where the code index lives ({@code <data>/codes/}) and the release folder it is built from on first use. Opening
 * builds the index when it is missing or of an older format, with progress on the given stream.
 *
 * @param index   the code index folder
 * @param release the ICD-10-CM release folder (setting {@code CHARTROOM_ICD10CM}), if one is configured or found
 */
public record CodeIndexHome(Path index, Optional<Path> release) {
    /** The setting that names the release folder. */
    public static final String SETTING = "CHARTROOM_ICD10CM";

    /**
     * The home inside {@code dataDir}, with the release folder from {@code CHARTROOM_ICD10CM} or, when unset, the
     * shared development copy {@code ../shared/data/icd10cm} when it exists.
     */
    public static CodeIndexHome of(Path dataDir, java.util.Map<String, String> env) {
        String configured = env.get(SETTING);
        Optional<Path> release = configured != null && !configured.isBlank()
                ? Optional.of(Path.of(configured))
                : Optional.of(Path.of("..", "shared", "data", "icd10cm"))
                        .filter(p -> new Icd10cmRelease(p).present());
        return new CodeIndexHome(dataDir.resolve("codes"), release);
    }

    /**
     * Opens the index, building it first when it is missing.
     *
     * @throws ConfigurationException when it must be built and no release folder is configured or found
     */
    public CodeIndex open(PrintStream progress) {
        if (!CodeIndex.exists(index)) {
            build(progress);
        }
        return CodeIndex.open(index);
    }

    /**
     * Builds (or rebuilds) the index from the release folder.
     *
     * @throws ConfigurationException when no release folder is configured or found
     */
    public void build(PrintStream progress) {
        Icd10cmRelease r = new Icd10cmRelease(release.orElseThrow(() -> new ConfigurationException(
                "the ICD-10-CM code index is missing from " + index + " and no release folder is configured: set "
                        + SETTING + " to the folder of the CDC ICD-10-CM files (order file, index, tabular)")));
        if (!r.present()) {
            throw new ConfigurationException("no ICD-10-CM order file (icd10cm-order-YYYY.txt) under " + r.folder()
                    + "; set " + SETTING + " to the folder of the CDC ICD-10-CM release files");
        }
        progress.printf("codes: building the code index in %s from %s (once per release)%n", index, r.folder());
        CodeIndexBuilder.build(r, index, progress);
    }
}
