package org.chartroom.asr.vosk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A model archive that {@code chartroom models fetch} can install: where it is published, its SHA-256 and the
 * folder it unpacks to. The catalogue is the resource {@code models.tsv} of this package.
 */
public record ModelArchive(String name, URI url, String sha256, String folder) {

    /** All catalogued models. */
    public static List<ModelArchive> catalogue() {
        List<ModelArchive> archives = new ArrayList<>();
        try (InputStream in = ModelArchive.class.getResourceAsStream("models.tsv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                archives.add(new ModelArchive(f[0].strip(), URI.create(f[1].strip()), f[2].strip(), f[3].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the model catalogue cannot be read", e);
        }
        return archives;
    }

    public static Optional<ModelArchive> named(String name) {
        return catalogue().stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
