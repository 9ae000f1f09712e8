package org.chartroom.ingest.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.KeyRing;
import org.chartroom.core.crypto.SealedFile;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.NotFoundException;
import org.chartroom.core.error.PayloadTooLargeException;
import org.chartroom.ingest.DurableFiles;
import org.chartroom.ingest.FailureSummary;
import org.chartroom.ingest.SealedObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store of accepted uploads, in its own directory (normally {@code <data>/originals}):
 * <pre>
 * originals/store.lock              held while the store is open (one process per directory)
 * originals/tmp/                    uploads being received, scratch copies; emptied at every open
 * originals/3f/3f2b8c1e-…/original     the bytes as uploaded
 * originals/3f/3f2b8c1e-…/intake.json  the {@link IntakeRecord}; written last
 * </pre>
 *
 * <p><b>Crash safety.</b> A document is <em>accepted</em> exactly when its {@code intake.json} exists. Commit writes
 * the original and the record to temporary files, forces them to disk, renames them into place atomically and forces
 * the directories, with {@code intake.json} last. So once {@link #commit} returns, a crash cannot lose the upload,
 * and a crash during commit leaves either nothing or a directory without {@code intake.json}, which the next
 * {@link #open} removes. Callers acknowledge an upload only after {@code commit} returns.
 *
 * <p><b>Encryption at rest.</b> Opened with an {@link Encryption} that is on (as the runtime always does), the
 * original and its intake record are written as sealed objects ({@link SealedFile}: AES-256-GCM, a data key per
 * object wrapped by the master key), already while an upload is staged, so the bytes of an upload never reach the
 * disk in plaintext; {@link #openOriginal} and {@link #find} decrypt and authenticate. {@link #rewrap} moves every
 * object to the current master key. Directories are created owner-only where the file system supports POSIX
 * permissions.
 *
 * <p>Thread-safe: uploads are staged under unique temporary names and committed into distinct directories.
 * I/O failures of the store itself surface as {@link UncheckedIOException}.
 */
public final class OriginalStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OriginalStore.class);

    static final String TMP = "tmp";
    static final String ORIGINAL = "original";
    static final String INTAKE = "intake.json";
    private static final String LOCK = "store.lock";
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path root;
    private final Path tmp;
    private final Encryption encryption;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private OriginalStore(Path root, Path tmp, Encryption encryption, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.tmp = tmp;
        this.encryption = encryption;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating if needed) the store in {@code directory} (normally {@code <data>/originals}), takes its lock,
     * and removes what a crash left behind: temporary files and document directories without an intake record.
     *
     * @throws ConfigurationException when another process (or another store in this process) has the directory open
     * @throws UncheckedIOException   when the directory cannot be created or read
     */
    public static OriginalStore open(Path directory, Encryption encryption) {
        Objects.requireNonNull(encryption, "encryption");
        Path root = directory.toAbsolutePath().normalize();
        Path tmp = root.resolve(TMP);
        FileChannel channel = null;
        try {
            DurableFiles.createPrivateDirectories(tmp);
            channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel, root);
            OriginalStore store = new OriginalStore(root, tmp, encryption, channel, lock);
            store.removeLeftovers();
            return store;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("could not open the originals store in " + root, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Opens the store for reading only, without its lock and without removing anything: for worker processes
     * ({@code chartroom worker}) that read originals while the serving process owns the store. Staging, committing
     * and re-wrapping throw {@link IllegalStateException}; {@link #scratchDirectory()} belongs to the owner, so a
     * reader gives its extractors a scratch directory of its own.
     *
     * @throws ConfigurationException when the directory holds no originals store (the message says what to start)
     */
    public static OriginalStore openForReading(Path directory, Encryption encryption) {
        Objects.requireNonNull(encryption, "encryption");
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve(TMP))) {
            throw new ConfigurationException("no originals store in " + root + "; start `chartroom serve` on this "
                    + "data directory first, or pass the data directory it uses (--data or CHARTROOM_DATA)");
        }
        return new OriginalStore(root, root.resolve(TMP), encryption, null, null);
    }

    /** A store that keeps its objects in plaintext, for tests about something other than encryption. */
    public static OriginalStore open(Path directory) {
        return open(directory, Encryption.off());
    }

    private static FileLock tryLock(FileChannel channel, Path root) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new ConfigurationException("the originals store " + root + " is in use by another Chartroom "
                    + "process; stop it or choose another data directory");
        }
        return lock;
    }

    /**
     * A directory for short-lived working copies of originals (e.g. Tika spooling a stream to a file: pass it to
     * {@code ExtractSettings.withTempDirectory}), so that PHI stays inside the data directory and crash leftovers are
     * removed at the next open.
     */
    public Path scratchDirectory() {
        return tmp;
    }

    /**
     * Streams an upload to a temporary file (sealed when encryption is on), computing its size, SHA-256 and the tail
     * a PDF check needs, and forces it to disk. Reads at most
     * {@code maxBytes + 1} bytes: as soon as the upload is over the limit it stops and throws. The content stream is
     * read but not closed.
     *
     * @throws PayloadTooLargeException when the content is longer than {@code maxBytes}
     * @throws InvalidInputException    when reading the content fails (e.g. the client went away)
     */
    public StagedUpload stage(InputStream content, long maxBytes) {
        Objects.requireNonNull(content, "content");
        requireWritable();
        Path file;
        try {
            file = Files.createTempFile(tmp, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary file in " + tmp, e);
        }
        boolean staged = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            MessageDigest sha256 = sha256();
            byte[] buffer = new byte[BUFFER_BYTES];
            StagedUpload.Tail tail = new StagedUpload.Tail();
            long size = 0;
            OutputStream out = encryption.seal(new ChannelOutput(channel));
            while (true) {
                // Never ask for more than one byte past the limit, so an oversized upload is cut off promptly.
                int wanted = (int) Math.min(buffer.length, maxBytes + 1 - size);
                int n = readUpload(content, buffer, wanted);
                if (n < 0) {
                    break;
                }
                size += n;
                if (size > maxBytes) {
                    throw new PayloadTooLargeException("upload exceeds the limit of " + maxBytes + " bytes (set "
                            + IntakeSettings.MAX_UPLOAD_BYTES + ")");
                }
                sha256.update(buffer, 0, n);
                tail.add(buffer, n);
                out.write(buffer, 0, n);
            }
            out.close();
            channel.force(true);
            staged = true;
            return new StagedUpload(file, size, HexFormat.of().formatHex(sha256.digest()), tail.bytes(),
                    this::openStaged);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write an upload to " + tmp, e);
        } finally {
            if (!staged) {
                deleteQuietly(file);
            }
        }
    }

    private InputStream openStaged(Path file) throws IOException {
        return encryption.open(new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES + 1024));
    }

    private static int readUpload(InputStream content, byte[] buffer, int length) {
        try {
            return content.read(buffer, 0, length);
        } catch (IOException e) {
            throw new InvalidInputException("the upload could not be read to the end; the connection may have been "
                    + "interrupted", e);
        }
    }

    /**
     * Makes a staged upload an accepted original with its intake record, durably (see the class comment). When this
     * returns, the upload may be acknowledged. On failure nothing is accepted and the staged file is left for the
     * caller to close.
     *
     * @throws IllegalArgumentException when the record does not describe the staged bytes (size or digest)
     * @throws IllegalStateException    when the upload was already committed or the id is already in use
     */
    public void commit(StagedUpload staged, IntakeRecord record) {
        Objects.requireNonNull(staged, "staged");
        requireWritable();
        Objects.requireNonNull(record, "record");
        if (staged.isCommitted()) {
            throw new IllegalStateException("upload already committed");
        }
        if (!tmp.equals(staged.file().getParent())) {
            throw new IllegalArgumentException("the upload was not staged by this store");
        }
        if (record.original().size() != staged.size() || !record.original().sha256().equals(staged.sha256())) {
            throw new IllegalArgumentException("the intake record does not describe the staged upload");
        }
        DocumentId id = record.id();
        Path dir = documentDirectory(id);
        try {
            Path shard = dir.getParent();
            if (!Files.isDirectory(shard)) {
                DurableFiles.createPrivateDirectories(shard);
                DurableFiles.fsyncDirectory(root);
            }
            DurableFiles.createPrivateDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("document id " + id + " is already in use", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the directory of document " + id, e);
        }
        try {
            DurableFiles.fsyncDirectory(dir.getParent());
            Files.move(staged.file(), dir.resolve(ORIGINAL), StandardCopyOption.ATOMIC_MOVE);
            staged.markCommitted();
            // The original's name must be durable before intake.json can be: intake.json means "accepted".
            DurableFiles.fsyncDirectory(dir);
            Path json = writeTemporary(encryption.seal(IntakeJson.write(record)));
            try {
                Files.move(json, dir.resolve(INTAKE), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteQuietly(json);
            }
            DurableFiles.fsyncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            // Not accepted: take back whatever was placed, so the id is either fully present or absent.
            deleteRecursivelyQuietly(dir);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("could not store document " + id, io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Opens the original of an accepted document. The caller closes the stream.
     *
     * @throws NotFoundException when no document with this id was accepted
     */
    public InputStream openOriginal(DocumentId id) {
        Path dir = documentDirectory(id);
        if (!Files.exists(dir.resolve(INTAKE))) {
            throw new NotFoundException("no stored original for document " + id);
        }
        try {
            return openStaged(dir.resolve(ORIGINAL));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the original of document " + id, e);
        }
    }

    /** The intake record of an accepted document; empty when no document with this id was accepted. */
    public Optional<IntakeRecord> find(DocumentId id) {
        byte[] json;
        try {
            json = Files.readAllBytes(documentDirectory(id).resolve(INTAKE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the intake record of document " + id, e);
        }
        try {
            return Optional.of(IntakeJson.read(encryption.open(json)));
        } catch (IOException e) {
            throw new UncheckedIOException("the intake record of document " + id + " is unreadable", e);
        }
    }

    /**
     * The ids of all accepted documents, in no particular order, read lazily from the directory tree (for recovery at
     * start). The caller closes the stream (try-with-resources).
     */
    public Stream<DocumentId> acceptedIds() {
        try {
            return Files.list(root)
                    .filter(OriginalStore::isShard)
                    .flatMap(OriginalStore::listDirectory)
                    .filter(dir -> DocumentId.isValid(dir.getFileName().toString()))
                    .filter(dir -> Files.exists(dir.resolve(INTAKE)))
                    .map(dir -> DocumentId.parse(dir.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the originals store", e);
        }
    }

    /**
     * Re-wraps the data key of every stored object under the key ring's current master key, in place (the bulk data
     * is not rewritten), for {@code chartroom keys rotate}. Safe to run again after an interruption.
     *
     * @param keys a ring holding the keys the objects are under now and, as current, the key to move them to
     * @return how many objects were re-wrapped (objects already under the current key are left alone)
     */
    public int rewrap(KeyRing keys) {
        requireWritable();
        return SealedObjects.rewrap(root, storedObjects(), keys);
    }

    /** How many stored objects each master key wraps, for {@code chartroom keys status}; plaintext ones as "none". */
    public Map<String, Integer> objectsByKey() {
        return SealedObjects.byKey(root, storedObjects());
    }

    private List<Path> storedObjects() {
        List<Path> files = new ArrayList<>();
        try (Stream<DocumentId> ids = acceptedIds()) {
            ids.forEach(id -> {
                Path dir = documentDirectory(id);
                files.add(dir.resolve(ORIGINAL));
                files.add(dir.resolve(INTAKE));
            });
        }
        return files;
    }

    private void requireWritable() {
        if (lock == null) {
            throw new IllegalStateException("this originals store was opened for reading only");
        }
    }

    /** Releases the store's lock (a store opened for reading holds none). */
    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            log.warn("could not release the originals store lock: {}", FailureSummary.of(e));
        }
        closeQuietly(lockChannel);
    }

    Path documentDirectory(DocumentId id) {
        return root.resolve(id.value().substring(0, 2)).resolve(id.value());
    }

    private void removeLeftovers() throws IOException {
        int temporary = 0;
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                deleteRecursively(file);
                temporary++;
            }
        }
        int incomplete = 0;
        try (Stream<Path> shards = Files.list(root)) {
            for (Path shard : (Iterable<Path>) shards.filter(OriginalStore::isShard)::iterator) {
                try (Stream<Path> documents = Files.list(shard)) {
                    for (Path dir : (Iterable<Path>) documents::iterator) {
                        if (DocumentId.isValid(dir.getFileName().toString()) && !Files.exists(dir.resolve(INTAKE))) {
                            deleteRecursively(dir);
                            incomplete++;
                        }
                    }
                }
            }
        }
        if (temporary > 0 || incomplete > 0) {
            log.info("originals store: removed {} temporary files and {} incomplete uploads left by an earlier run",
                    temporary, incomplete);
        }
    }

    private Path writeTemporary(byte[] content) throws IOException {
        Path file = Files.createTempFile(tmp, "intake-", ".part");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            writeFully(out, ByteBuffer.wrap(content));
            out.force(true);
            return file;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static boolean isShard(Path path) {
        String name = path.getFileName().toString();
        return name.length() == 2 && name.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
                && Files.isDirectory(path);
    }

    private static Stream<Path> listDirectory(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> tree = Files.walk(path)) {
                for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        } else {
            Files.deleteIfExists(path);
        }
    }

    private static void deleteRecursivelyQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not remove an incomplete document directory: {}", FailureSummary.of(e));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete a temporary file: {}", FailureSummary.of(e));
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("could not close the originals store lock file: {}", FailureSummary.of(e));
            }
        }
    }

    /** Writes to a channel without closing it: the channel is forced to disk after the sealing stream is closed. */
    private static final class ChannelOutput extends OutputStream {
        private final FileChannel channel;

        ChannelOutput(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writeFully(channel, ByteBuffer.wrap(b, off, len));
        }
    }
}
