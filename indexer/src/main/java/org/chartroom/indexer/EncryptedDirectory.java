package org.chartroom.indexer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.chartroom.core.crypto.IntegrityException;
import org.chartroom.core.crypto.KeyId;
import org.chartroom.core.crypto.KeyRing;
import org.chartroom.core.crypto.WrappedKeyHeader;
import org.chartroom.core.error.ConfigurationException;

/**
 * A Lucene {@link Directory} that encrypts every file it writes with AES-256 in CTR mode, so the index (stored
 * records, term dictionaries, postings: all PHI) is never on disk in plaintext, while reads keep Lucene's random
 * access: the counter block of any position is computed, so seeks, clones and slices cost no more than a refill.
 *
 * <p>Each file has its own random data key and IV, wrapped together by the master key in a header:
 * <pre>
 * "CHRL" | format 1 | master key id (8) | AESWrap(master key, data key (32) | IV (16)) (56) | ciphertext
 * </pre>
 * {@code chartroom keys rotate} re-wraps the header in place ({@link #rewrap}); the ciphertext is never rewritten.
 *
 * <p><b>Integrity.</b> CTR itself authenticates nothing. The header is authenticated by the key wrap (a damaged or
 * swapped key or IV fails to unwrap and the file is reported corrupt). The body is covered by Lucene's own checks:
 * every index file ends in a CRC32 footer that Lucene verifies over the decrypted bytes (fully when it opens small
 * files and segment metadata, at merges and in {@code CheckIndex}; the stored-fields reader checks as it reads), so
 * damage or a blind alteration of the ciphertext shows up as a {@link CorruptIndexException}. That is detection of
 * corruption, not a cryptographic guarantee: CTR is malleable and CRC32 is linear, so an attacker who can write to
 * the disk and knows the plaintext could forge a change. The originals and intake records, the source of truth the
 * index can be rebuilt from, are authenticated (AES-GCM, {@code core.crypto.SealedFile}).
 *
 * <p>Reads decrypt into a {@link org.apache.lucene.store.BufferedIndexInput} over the delegate's input of the
 * ciphertext (memory-mapped or NIO, as {@code FSDirectory.open} chooses); files read at random a few bytes at a time
 * (doc values, norms, terms index, points, compound files; up to {@link #MAX_HEAP_FILE_BYTES}) are decrypted whole
 * into the heap when opened. Either way plaintext is only ever in the heap.
 */
public final class EncryptedDirectory extends FilterDirectory {
    static final byte[] MAGIC = "CHRL".getBytes(StandardCharsets.US_ASCII);
    static final byte FORMAT = 1;
    private static final int KEY_ID_AT = MAGIC.length + 1;
    private static final int IV_BYTES = 16;
    private static final int WRAPPED_BYTES = KeyRing.KEY_BYTES + IV_BYTES + 8;
    static final int HEADER_BYTES = KEY_ID_AT + KeyId.BYTES + WRAPPED_BYTES;
    private static final int READ_BUFFER_BYTES = 4096;
    private static final int WRITE_BUFFER_BYTES = 8192;
    /**
     * Files Lucene reads at random positions, a few bytes at a time: doc values (facets, sorting), norms, the terms
     * index, points, and compound files (small segments). Streaming them would decrypt a whole buffer per tiny read, so
     * they are decrypted once, when opened, into the heap, where their clones and slices read them directly.
     */
    private static final java.util.Set<String> RANDOM_ACCESS_EXTENSIONS = java.util.Set.of("dvd", "nvd", "tip",
            "kdd", "kdi", "cfs");
    /** Larger random-access files stream like the others, so that memory does not grow with the index. */
    static final long MAX_HEAP_FILE_BYTES = 64L << 20;

    private final KeyRing keys;

    public EncryptedDirectory(Directory delegate, KeyRing keys) {
        super(delegate);
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        return encrypting(in.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        return encrypting(in.createTempOutput(prefix, suffix, context));
    }

    private IndexOutput encrypting(IndexOutput out) throws IOException {
        boolean ok = false;
        try {
            byte[] secret = KeyRing.randomBytes(KeyRing.KEY_BYTES + IV_BYTES);
            byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put(FORMAT).put(keys.currentId().bytes())
                    .put(keys.wrap(secret)).array();
            out.writeBytes(header, header.length);
            IndexOutput encrypting = new EncryptingOutput(out, key(secret), iv(secret));
            Arrays.fill(secret, (byte) 0);
            ok = true;
            return encrypting;
        } finally {
            if (!ok) {
                out.close();
            }
        }
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        IndexInput raw = in.openInput(name, context);
        boolean ok = false;
        try {
            if (raw.length() < HEADER_BYTES) {
                throw new CorruptIndexException("file is shorter than its encryption header", raw);
            }
            byte[] header = new byte[HEADER_BYTES];
            raw.readBytes(header, 0, header.length);
            if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length) || header[MAGIC.length] != FORMAT) {
                throw new CorruptIndexException("file is not encrypted by Chartroom (unknown header)", raw);
            }
            KeyId id = KeyId.fromBytes(Arrays.copyOfRange(header, KEY_ID_AT, KEY_ID_AT + KeyId.BYTES));
            byte[] secret;
            try {
                secret = keys.unwrap(id, Arrays.copyOfRange(header, KEY_ID_AT + KeyId.BYTES, HEADER_BYTES));
            } catch (IntegrityException e) {
                throw new CorruptIndexException("the encryption header failed its integrity check", raw, e);
            }
            IndexInput decrypting = new DecryptingInput("encrypted(" + raw + ")", raw, key(secret), iv(secret),
                    0, raw.length() - HEADER_BYTES, false);
            Arrays.fill(secret, (byte) 0);
            ok = true;
            return readsAtRandom(name) && decrypting.length() <= MAX_HEAP_FILE_BYTES
                    ? inHeap(name, decrypting) : decrypting;
        } finally {
            if (!ok) {
                raw.close();
            }
        }
    }

    private static boolean readsAtRandom(String name) {
        return RANDOM_ACCESS_EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    /** Decrypts the whole file into the heap and closes the streaming input. */
    private static IndexInput inHeap(String name, IndexInput decrypting) throws IOException {
        try (decrypting) {
            byte[] plaintext = new byte[Math.toIntExact(decrypting.length())];
            decrypting.readBytes(plaintext, 0, plaintext.length);
            return new ByteBuffersIndexInput(new ByteBuffersDataInput(List.of(ByteBuffer.wrap(plaintext))),
                    "decrypted(" + name + ")");
        }
    }

    @Override
    public long fileLength(String name) throws IOException {
        return Math.max(0, in.fileLength(name) - HEADER_BYTES);
    }

    /** The id of the master key that wraps this index file's key. */
    public static KeyId keyId(Path file) throws IOException {
        return WrappedKeyHeader.keyId(file, MAGIC, KEY_ID_AT);
    }

    /** Whether the file has this directory's header (the lock file and foreign files do not). */
    public static boolean isEncrypted(Path file) throws IOException {
        return WrappedKeyHeader.hasMagic(file, MAGIC);
    }

    /** Re-wraps the file's key under the ring's current key, in place; false when it already was. */
    public static boolean rewrap(Path file, KeyRing keys) throws IOException {
        return WrappedKeyHeader.rewrap(file, MAGIC, KEY_ID_AT, WRAPPED_BYTES, keys);
    }

    /**
     * Re-wraps every index file in {@code indexDir} under the ring's current key (for {@code chartroom keys rotate}),
     * holding the index's write lock so that no writer runs meanwhile.
     *
     * @return how many files were re-wrapped
     * @throws ConfigurationException when the index is open elsewhere (a running server)
     */
    public static int rewrapIndex(Path indexDir, KeyRing keys) throws IOException {
        int rewrapped = 0;
        try (Directory directory = FSDirectory.open(indexDir, NativeFSLockFactory.INSTANCE);
             Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String name : directory.listAll()) {
                Path file = indexDir.resolve(name);
                lock.ensureValid();
                if (!IndexWriter.WRITE_LOCK_NAME.equals(name) && isEncrypted(file) && rewrap(file, keys)) {
                    rewrapped++;
                }
            }
        } catch (LockObtainFailedException e) {
            throw new ConfigurationException("the index " + indexDir + " is in use by another Chartroom process (a "
                    + "running server?); stop it first", e);
        }
        return rewrapped;
    }

    /** How many index files each master key wraps ("none" for files without an encryption header). */
    public static Map<String, Integer> filesByKey(Path indexDir) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        if (!Files.isDirectory(indexDir)) {
            return counts;
        }
        try (Stream<Path> files = Files.list(indexDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!IndexWriter.WRITE_LOCK_NAME.equals(file.getFileName().toString())) {
                    counts.merge(isEncrypted(file) ? keyId(file).hex() : "none", 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static SecretKeySpec key(byte[] secret) {
        return new SecretKeySpec(secret, 0, KeyRing.KEY_BYTES, "AES");
    }

    private static byte[] iv(byte[] secret) {
        return Arrays.copyOfRange(secret, KeyRing.KEY_BYTES, KeyRing.KEY_BYTES + IV_BYTES);
    }

    /** The counter block for the 16-byte block {@code block}: the IV plus the block number, modulo 2^128. */
    static byte[] counter(byte[] iv, long block) {
        byte[] counter = iv.clone();
        long carry = block;
        for (int i = IV_BYTES - 1; i >= 0 && carry != 0; i--) {
            long sum = (counter[i] & 0xFF) + (carry & 0xFF);
            counter[i] = (byte) sum;
            carry = (carry >>> 8) + (sum >>> 8);
        }
        return counter;
    }

    /** A new AES-CTR cipher positioned at plaintext byte {@code position}. */
    static Cipher ctr(SecretKeySpec key, byte[] iv, long position) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            position(cipher, key, iv, position);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available", e);
        }
    }

    /**
     * Moves {@code cipher}'s keystream to plaintext byte {@code position}. Re-initialising a cipher with the same key
     * is cheap (the JDK keeps the expanded key); {@code Cipher.getInstance} is not, so inputs keep theirs.
     */
    static void position(Cipher cipher, SecretKeySpec key, byte[] iv, long position) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counter(iv, position / 16)));
            int skip = (int) (position % 16);
            if (skip > 0) {
                cipher.update(new byte[skip]);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available", e);
        }
    }

    /** Encrypts as it writes; the checksum is the CRC32 of the plaintext, which is what Lucene's footer records. */
    private static final class EncryptingOutput extends IndexOutput {
        private final IndexOutput out;
        private final Cipher cipher;
        private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        private final byte[] buffer = new byte[WRITE_BUFFER_BYTES];
        private final byte[] encrypted = new byte[WRITE_BUFFER_BYTES];
        private int filled;
        private int checksummed;
        private long flushed;
        private boolean closed;

        EncryptingOutput(IndexOutput out, SecretKeySpec key, byte[] iv) {
            super("encrypted(" + out + ")", out.getName());
            this.out = out;
            this.cipher = ctr(key, iv, 0);
        }

        @Override
        public void writeByte(byte b) throws IOException {
            if (filled == buffer.length) {
                flushBuffer();
            }
            buffer[filled++] = b;
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == buffer.length) {
                    flushBuffer();
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(b, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        private void flushBuffer() throws IOException {
            updateChecksum();
            try {
                int n = cipher.update(buffer, 0, filled, encrypted, 0);
                out.writeBytes(encrypted, 0, n);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CTR encryption failed", e);
            }
            flushed += filled;
            filled = 0;
            checksummed = 0;
        }

        private void updateChecksum() {
            crc.update(buffer, checksummed, filled - checksummed);
            checksummed = filled;
        }

        @Override
        public long getFilePointer() {
            return flushed + filled;
        }

        @Override
        public long getChecksum() {
            updateChecksum();
            return crc.getValue();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (out) {
                flushBuffer();
            }
        }
    }

    /**
     * Decrypts a window {@code [offset, offset + length)} of a file's plaintext. Clones and slices get their own
     * clone of the ciphertext input and their own cipher (created on first read: Lucene clones far more often than
     * it reads from each clone).
     */
    private static final class DecryptingInput extends org.apache.lucene.store.BufferedIndexInput {
        private IndexInput ciphertext;
        private final SecretKeySpec key;
        private final byte[] iv;
        private final long offset;
        private final long length;
        private boolean isClone;
        private Cipher cipher;
        /** The plaintext file position the cipher's keystream is at; -1 when there is no cipher yet. */
        private long cipherAt = -1;
        private byte[] scratch = new byte[0];

        DecryptingInput(String description, IndexInput ciphertext, SecretKeySpec key, byte[] iv, long offset,
                        long length, boolean isClone) {
            super(description, READ_BUFFER_BYTES);
            this.ciphertext = ciphertext;
            this.key = key;
            this.iv = iv;
            this.offset = offset;
            this.length = length;
            this.isClone = isClone;
        }

        @Override
        protected void readInternal(ByteBuffer b) throws IOException {
            long position = getFilePointer();
            int n = b.remaining();
            if (position + n > length) {
                throw new java.io.EOFException("read past EOF: " + this);
            }
            long at = offset + position;
            if (scratch.length < n) {
                scratch = new byte[Math.max(n, READ_BUFFER_BYTES)];
            }
            ciphertext.seek(HEADER_BYTES + at);
            ciphertext.readBytes(scratch, 0, n);
            if (cipher == null) {
                cipher = ctr(key, iv, at);
            } else if (cipherAt != at) {
                position(cipher, key, iv, at);
            }
            try {
                if (b.hasArray()) {
                    cipher.update(scratch, 0, n, b.array(), b.arrayOffset() + b.position());
                    b.position(b.position() + n);
                } else {
                    cipher.update(ByteBuffer.wrap(scratch, 0, n), b);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CTR decryption failed", e);
            }
            cipherAt = at + n;
        }

        @Override
        protected void seekInternal(long pos) throws IOException {
            if (pos > length) {
                throw new java.io.EOFException("seek past EOF: " + this);
            }
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public DecryptingInput clone() {
            DecryptingInput clone = (DecryptingInput) super.clone();
            clone.ciphertext = ciphertext.clone();
            clone.isClone = true;
            clone.cipher = null;
            clone.cipherAt = -1;
            clone.scratch = new byte[0];
            return clone;
        }

        @Override
        public IndexInput slice(String sliceDescription, long sliceOffset, long sliceLength) throws IOException {
            if (sliceOffset < 0 || sliceLength < 0 || sliceOffset + sliceLength > length) {
                throw new IllegalArgumentException("slice(offset=" + sliceOffset + ", length=" + sliceLength
                        + ") is out of bounds: " + this);
            }
            return new DecryptingInput(getFullSliceDescription(sliceDescription), ciphertext.clone(), key, iv,
                    offset + sliceOffset, sliceLength, true);
        }

        @Override
        public void close() throws IOException {
            if (!isClone) {
                ciphertext.close();
            }
        }
    }
}
