package org.chartroom.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chartroom.core.crypto.KeyRing;
import org.chartroom.core.crypto.SealedFile;

/**
 * Key rotation and key statistics over a store's sealed files ({@code chartroom keys rotate|status}). A file that
 * disappears meanwhile (a stage result discarded by the index stage) is skipped.
 */
public final class SealedObjects {
    private SealedObjects() {
    }

    /**
     * Re-wraps each file's data key under the ring's current key, in place.
     *
     * @param root the store's directory, to name a failing file relative to it
     * @return how many files were re-wrapped (files already under the current key are left alone)
     */
    public static int rewrap(Path root, List<Path> files, KeyRing keys) {
        int rewrapped = 0;
        for (Path file : files) {
            try {
                if (SealedFile.rewrap(file, keys)) {
                    rewrapped++;
                }
            } catch (NoSuchFileException e) {
                // Removed meanwhile: nothing to re-wrap.
            } catch (IOException e) {
                throw new UncheckedIOException("could not re-wrap the key of " + root.relativize(file), e);
            }
        }
        return rewrapped;
    }

    /** How many of the files each master key wraps (by key id); plaintext ones as "none". */
    public static Map<String, Integer> byKey(Path root, List<Path> files) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Path file : files) {
            try {
                counts.merge(SealedFile.isSealed(file) ? SealedFile.keyId(file).hex() : "none", 1, Integer::sum);
            } catch (NoSuchFileException e) {
                // Removed meanwhile.
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the header of " + root.relativize(file), e);
            }
        }
        return counts;
    }
}
