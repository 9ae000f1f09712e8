package org.chartroom.ingest.results;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.KeyRing;
import org.chartroom.core.crypto.SealedFile;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.ingest.DurableFiles;
import org.chartroom.ingest.FailureSummary;
import org.chartroom.ingest.SealedObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the stages produced for a document version, durably, in its own directory (normally {@code <data>/results}):
 * <pre>
 * results/tmp/                       files being written
 * results/3f/3f2b8c1e-…-v1.text      the extracted text ({@link TextResult}), for the NLP stage
 * results/3f/3f2b8c1e-…-v1.draft     the annotated version ({@link DocumentVersion}), for the index stage
 * results/3f/3f2b8c1e-…-v1.failed    why the document failed (our own message, no content), for the index stage
 * </pre>
 *
 * <p><b>Durable before acknowledged.</b> A save writes a temporary file, forces it, renames it into place and forces
 * the directory (two fsyncs), so a stage may acknowledge its work item once {@code save…} returns.
 *
 * <p><b>Several processes at once.</b> There is no lock: workers on other processes (or machines sharing the data
 * directory) write concurrently. Every write is a rename of a complete file, so a reader sees a whole result or none,
 * and two workers saving the same result (a redelivered item) leave one equally valid file. Temporary files left by
 * a crash are removed at open once they are an hour old (newer ones may be another process's write in progress).
 *
 * <p><b>Sealed.</b> Results are PHI: with encryption on they are {@link SealedFile}s, like the originals, re-wrapped
 * with them by {@link #rewrap}.
 *
 * <p>Thread-safe. I/O failures surface as {@link UncheckedIOException}, so the work item is tried again.
 */
public final class ResultStore {
    private static final Logger log = LoggerFactory.getLogger(ResultStore.class);
    private static final String TMP = "tmp";
    private static final Duration STALE = Duration.ofHours(1);
    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A newer build may add fields to a stage's output; an older reader must still read it.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Results are PHI: parse errors must not quote them.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private enum Part {
        TEXT("text", StoredResult.Kind.TEXT), DRAFT("draft", StoredResult.Kind.DRAFT),
        FAILED("failed", StoredResult.Kind.FAILED);

        final String suffix;
        final StoredResult.Kind kind;

        Part(String suffix, StoredResult.Kind kind) {
            this.suffix = suffix;
            this.kind = kind;
        }
    }

    /** Most advanced first: a failure or a draft supersedes the text it came from. */
    private static final List<Part> FURTHEST_FIRST = List.of(Part.FAILED, Part.DRAFT, Part.TEXT);

    private final Path root;
    private final Path tmp;
    private final Encryption encryption;

    private ResultStore(Path root, Encryption encryption) {
        this.root = root;
        this.tmp = root.resolve(TMP);
        this.encryption = encryption;
    }

    /**
     * Opens (creating if needed) the store in {@code directory} and removes temporary files a crash left behind more
     * than an hour ago.
     */
    public static ResultStore open(Path directory, Encryption encryption) {
        Objects.requireNonNull(encryption, "encryption");
        ResultStore store = new ResultStore(directory.toAbsolutePath().normalize(), encryption);
        try {
            DurableFiles.createPrivateDirectories(store.tmp);
            store.removeStaleTemporaries();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the results store in " + store.root, e);
        }
        return store;
    }

    public void saveText(DocumentId id, int version, TextResult text) {
        save(id, version, Part.TEXT, text);
    }

    public void saveDraft(DocumentId id, int version, DocumentVersion draft) {
        save(id, version, Part.DRAFT, draft);
    }

    /** @param reason our own message (it names types and limits, never content) */
    public void saveFailure(DocumentId id, int version, String reason) {
        save(id, version, Part.FAILED, reason);
    }

    /** The furthest result stored for the document version; {@link StoredResult#NONE} when there is none. */
    public StoredResult furthest(DocumentId id, int version) {
        for (Part part : FURTHEST_FIRST) {
            Optional<byte[]> bytes = read(file(id, version, part));
            if (bytes.isPresent()) {
                return decode(id, part, bytes.get());
            }
        }
        return StoredResult.NONE;
    }

    /** The kind of the furthest result, without reading it (for recovery and status). */
    public StoredResult.Kind furthestKind(DocumentId id, int version) {
        for (Part part : FURTHEST_FIRST) {
            if (Files.exists(file(id, version, part))) {
                return part.kind;
            }
        }
        return StoredResult.Kind.NONE;
    }

    /** Whether any result is stored for the document version. */
    public boolean hasAny(DocumentId id, int version) {
        return furthestKind(id, version) != StoredResult.Kind.NONE;
    }

    /** The documents with stored results, each once, in no particular order (for pruning at start). */
    public List<DocumentId> documents() {
        return storedFiles().stream().map(f -> f.getFileName().toString())
                .filter(name -> name.length() > 36 && DocumentId.isValid(name.substring(0, 36)))
                .map(name -> DocumentId.parse(name.substring(0, 36))).distinct().toList();
    }

    /**
     * Deletes every result of the document version (once the index has it durably). Not forced to disk: a result
     * that comes back after a crash is superseded by the index and removed again.
     */
    public void discard(DocumentId id, int version) {
        for (Part part : Part.values()) {
            try {
                Files.deleteIfExists(file(id, version, part));
            } catch (NoSuchFileException e) {
                // The shard does not exist: nothing to delete.
            } catch (IOException e) {
                log.warn("could not delete a stage result of document {}: {}", id, FailureSummary.of(e));
            }
        }
    }

    /**
     * Re-wraps every stored result under the key ring's current master key (see {@code OriginalStore.rewrap}).
     *
     * @return how many results were re-wrapped
     */
    public int rewrap(KeyRing keys) {
        return SealedObjects.rewrap(root, storedFiles(), keys);
    }

    /** How many results each master key wraps, for {@code chartroom keys status}; plaintext ones as "none". */
    public Map<String, Integer> objectsByKey() {
        return SealedObjects.byKey(root, storedFiles());
    }

    private void save(DocumentId id, int version, Part part, Object value) {
        Path target = file(id, version, part);
        try {
            Path shard = target.getParent();
            if (!Files.isDirectory(shard)) {
                DurableFiles.createPrivateDirectories(shard);
                DurableFiles.fsyncDirectory(root);
            }
            DurableFiles.replace(target, encryption.seal(JSON.writeValueAsBytes(value)), tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the " + part.suffix + " result of document " + id, e);
        }
    }

    private StoredResult decode(DocumentId id, Part part, byte[] stored) {
        try {
            byte[] json = encryption.open(stored);
            return switch (part) {
                case TEXT -> StoredResult.text(JSON.readValue(json, TextResult.class));
                case DRAFT -> StoredResult.draft(JSON.readValue(json, DocumentVersion.class));
                case FAILED -> StoredResult.failed(JSON.readValue(json, String.class));
            };
        } catch (IOException e) {
            throw new UncheckedIOException("the " + part.suffix + " result of document " + id + " is unreadable",
                    e);
        }
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a stage result", e);
        }
    }

    private Path file(DocumentId id, int version, Part part) {
        return root.resolve(id.value().substring(0, 2)).resolve(id.value() + "-v" + version + "." + part.suffix);
    }

    private List<Path> storedFiles() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> shards = Files.list(root)) {
            for (Path shard : (Iterable<Path>) shards.filter(p -> !p.getFileName().toString().equals(TMP)
                    && Files.isDirectory(p))::iterator) {
                try (Stream<Path> inShard = Files.list(shard)) {
                    inShard.forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the results store", e);
        }
        return files;
    }

    private void removeStaleTemporaries() throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE));
        int removed = 0;
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                try {
                    if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0 && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (NoSuchFileException e) {
                    // Renamed into place or removed by its writer meanwhile.
                }
            }
        }
        if (removed > 0) {
            log.info("results store: removed {} temporary files left by an earlier run", removed);
        }
    }
}
