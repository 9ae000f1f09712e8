package org.chartroom.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.chartroom.core.audit.AuditEvent;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.error.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: an append-only JSON Lines file in which every entry carries the SHA-256 of the entry before it,
 * so that an edited, deleted or reordered entry breaks the chain ({@link #verify}). A small head file records the
 * last sequence number and hash, so that entries cut off the end are noticed too.
 *
 * <p>An entry is forced to disk before {@link #append} returns: an access is not granted before it is recorded.
 * Thread-safe; one process writes a trail at a time (the server, or a command-line tool on a stopped server).
 *
 * <p>The chain makes tampering evident, not impossible: whoever can rewrite the whole file and the head can forge a
 * consistent chain. Ship the head hash off the machine (syslog, WORM storage) where that matters.
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final String FILE = "audit.jsonl";
    static final String HEAD = "audit.head";
    static final String GENESIS = "0".repeat(64);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    /** One entry of the trail, as readers see it. */
    public record Entry(long seq, String prev, AuditEvent event, String hash) {
    }

    /**
     * One line as stored: the event in the clear ({@code event}) when encryption is off, else sealed with AES-256-GCM
     * ({@code sealed}, base64): the trail names patients, so it is PHI at rest like the records. The hash is always
     * over the plaintext event, so re-sealing under a new master key keeps the chain.
     */
    record Line(long seq, String prev, AuditEvent event, String sealed, String hash) {
    }

    /** The outcome of {@link #verify}: intact, or where the chain first breaks and how. */
    public record Verification(boolean intact, long entries, String problem) {
    }

    private final Path file;
    private final Path head;
    private final FileChannel out;
    private final Encryption encryption;
    private long seq;
    private String lastHash;

    private AuditLog(Path dir, FileChannel out, Encryption encryption, long seq, String lastHash) {
        this.file = dir.resolve(FILE);
        this.head = dir.resolve(HEAD);
        this.out = out;
        this.encryption = encryption;
        this.seq = seq;
        this.lastHash = lastHash;
    }

    /** Opens (or creates) a trail in the clear (tests; the runtime always passes its encryption). */
    public static AuditLog open(Path dir) {
        return open(dir, Encryption.off());
    }

    /** Opens (or creates) the trail in {@code dir}; an entry torn by a crash mid-write is cut off. */
    public static AuditLog open(Path dir, Encryption encryption) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE);
            FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            Line last = cutTornTail(out);
            out.position(out.size());
            return new AuditLog(dir, out, encryption, last == null ? 0 : last.seq(),
                    last == null ? GENESIS : last.hash());
        } catch (IOException e) {
            throw new ConfigurationException("cannot open the audit trail in " + dir + " (" + e.getMessage()
                    + "); check the permissions of the data directory", e);
        }
    }

    /** Records an event durably and returns its entry. */
    public synchronized Entry append(AuditEvent event) {
        long next = seq + 1;
        Entry entry = new Entry(next, lastHash, event, hash(next, lastHash, event));
        try {
            byte[] line = (JSON.writeValueAsString(store(entry, encryption)) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
            seq = next;
            lastHash = entry.hash();
            writeHead();
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit trail " + file, e);
        }
    }

    private void writeHead() throws IOException {
        Path tmp = head.resolveSibling(HEAD + ".tmp");
        Files.writeString(tmp, seq + " " + lastHash + "\n");
        Files.move(tmp, head, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Entries matching the filter, newest first, after skipping {@code offset}; at most {@code limit}. */
    public List<Entry> find(Predicate<Entry> filter, int offset, int limit) {
        List<Entry> matching = new ArrayList<>();
        forEach(entry -> {
            if (filter.test(entry)) {
                matching.add(entry);
            }
        });
        List<Entry> page = new ArrayList<>();
        for (int i = matching.size() - 1 - offset; i >= 0 && page.size() < limit; i--) {
            page.add(matching.get(i));
        }
        return page;
    }

    private void forEach(java.util.function.Consumer<Entry> consumer) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    consumer.accept(read(JSON.readValue(line, Line.class), encryption));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit trail " + file, e);
        }
    }

    private static Line store(Entry e, Encryption encryption) throws JsonProcessingException {
        if (!encryption.enabled()) {
            return new Line(e.seq(), e.prev(), e.event(), null, e.hash());
        }
        byte[] sealed = encryption.seal(JSON.writeValueAsBytes(e.event()));
        return new Line(e.seq(), e.prev(), null, Base64.getEncoder().encodeToString(sealed), e.hash());
    }

    private static Entry read(Line line, Encryption encryption) throws IOException {
        AuditEvent event = line.event();
        if (line.sealed() != null) {
            if (!encryption.enabled()) {
                throw new IOException("audit entry " + line.seq() + " is sealed and no master key is configured");
            }
            event = JSON.readValue(encryption.open(Base64.getDecoder().decode(line.sealed())), AuditEvent.class);
        }
        return new Entry(line.seq(), line.prev(), event, line.hash());
    }

    /**
     * Re-seals every entry under the current master key of {@code encryption} (after a key rotation), writing a new
     * file and renaming it into place. The hashes are over the plaintext, so the chain is unchanged. Call it with no
     * server writing to the trail. Returns the number of entries.
     */
    public static int reseal(Path dir, Encryption encryption) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        Path tmp = dir.resolve(FILE + ".reseal");
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             FileChannel outChannel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            String text;
            while ((text = in.readLine()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                Entry e = read(JSON.readValue(text, Line.class), encryption);
                ByteBuffer b = ByteBuffer.wrap((JSON.writeValueAsString(store(e, encryption)) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    outChannel.write(b);
                }
                n++;
            }
            outChannel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return n;
    }

    /** Checks a trail in the clear (tests). */
    public static Verification verify(Path dir) {
        return verify(dir, Encryption.off());
    }

    /**
     * Checks the whole chain of the trail in {@code dir} (sealed entries need the master key). Never throws for a
     * damaged trail; says what is wrong.
     */
    public static Verification verify(Path dir, Encryption encryption) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return new Verification(false, 0, "no audit trail at " + file);
        }
        long expectedSeq = 1;
        String prev = GENESIS;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                Entry e;
                try {
                    e = read(JSON.readValue(line, Line.class), encryption);
                } catch (JsonProcessingException ex) {
                    return new Verification(false, expectedSeq - 1, "line " + lineNo + " is not an audit entry");
                } catch (IOException ex) {
                    return new Verification(false, expectedSeq - 1, "entry on line " + lineNo + " cannot be "
                            + "unsealed (altered, or the wrong master key): " + ex.getMessage());
                }
                if (e.seq() != expectedSeq) {
                    return new Verification(false, expectedSeq - 1, "line " + lineNo + " has sequence " + e.seq()
                            + " where " + expectedSeq + " was expected: an entry was deleted, inserted or reordered");
                }
                if (!e.prev().equals(prev)) {
                    return new Verification(false, expectedSeq - 1, "entry " + e.seq() + " does not follow the entry "
                            + "before it: the chain was rearranged");
                }
                if (!e.hash().equals(hash(e.seq(), e.prev(), e.event()))) {
                    return new Verification(false, expectedSeq - 1, "entry " + e.seq() + " was altered after it was "
                            + "written (its hash does not match its content)");
                }
                prev = e.hash();
                expectedSeq++;
            }
        } catch (IOException e) {
            return new Verification(false, expectedSeq - 1, "cannot read " + file + ": " + e.getMessage());
        }
        long entries = expectedSeq - 1;
        String headProblem = checkHead(dir.resolve(HEAD), entries, prev);
        return headProblem == null ? new Verification(true, entries, "")
                : new Verification(false, entries, headProblem);
    }

    private static String checkHead(Path head, long entries, String lastHash) {
        if (!Files.exists(head)) {
            return entries == 0 ? null : "the head file " + head + " is missing";
        }
        try {
            String[] parts = Files.readString(head).strip().split(" ");
            long headSeq = Long.parseLong(parts[0]);
            if (headSeq > entries) {
                return "the trail ends at entry " + entries + " but the head records " + headSeq
                        + ": entries were cut off the end";
            }
            // The head is written after each entry, without an fsync of its own: after a crash it may lag behind.
            if (headSeq == entries && !parts[1].equals(lastHash)) {
                return "the last entry does not match the head: it was replaced";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "the head file " + head + " is unreadable";
        }
    }

    static String hash(long seq, String prev, AuditEvent event) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((seq + "|" + prev + "|").getBytes(StandardCharsets.UTF_8));
            sha.update(JSON.writeValueAsBytes(event));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash an audit entry", e);
        }
    }

    /** Reads the last complete line, cutting off a line torn by a crash during a write. */
    private static Line cutTornTail(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return null;
        }
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        if (one.get(0) != '\n') {
            long cut = lastNewline(channel, size - 1) + 1;
            LOG.warn("the audit trail ended in a torn entry (a crash during a write); {} bytes cut off", size - cut);
            channel.truncate(cut);
            channel.force(true);
            end = cut;
        }
        if (end == 0) {
            return null;
        }
        long start = lastNewline(channel, end - 1) + 1;
        ByteBuffer line = ByteBuffer.allocate((int) (end - start));
        channel.read(line, start);
        return JSON.readValue(new String(line.array(), StandardCharsets.UTF_8).strip(), Line.class);
    }

    /** The offset of the last '\n' before {@code before}, or -1. */
    private static long lastNewline(FileChannel channel, long before) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        long pos = before;
        while (pos > 0) {
            long from = Math.max(0, pos - chunk.capacity());
            chunk.clear().limit((int) (pos - from));
            channel.read(chunk, from);
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i;
                }
            }
            pos = from;
        }
        return -1;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing the audit trail failed: {}", e.getClass().getSimpleName());
        }
    }

    /** The path of the trail file in {@code dir}. */
    public static Path trailFile(Path dir) {
        return dir.resolve(FILE);
    }
}
