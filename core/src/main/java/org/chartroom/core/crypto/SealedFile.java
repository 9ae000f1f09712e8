package org.chartroom.core.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted object format: AES-256-GCM over 64 KiB segments, the STREAM construction, so that objects of any size
 * are written and read as streams with bounded memory and every segment is authenticated before it is released.
 * <pre>
 * header (64 bytes)   "CHRS" | format 1 | master key id (8) | wrapped data key (40) | nonce prefix (7) | segment size (4)
 * segment i           GCM(data key, nonce = prefix | i (4, big-endian) | last ? 1 : 0, aad = header without the
 *                     key id and wrapped key) : ≤ segment size bytes of ciphertext + 16-byte tag
 * </pre>
 * The segment number in the nonce stops reordering, the last-segment flag stops truncation (an object always ends
 * with a flagged segment, an empty one for empty data), and the immutable header fields are bound as associated
 * data. The key id and wrapped key are left out of the associated data on purpose: {@link #rewrap} replaces them in
 * place when the master key rotates, without touching the segments; AES key wrap authenticates them itself.
 */
public final class SealedFile {
    static final byte[] MAGIC = "CHRS".getBytes(StandardCharsets.US_ASCII);
    static final byte FORMAT = 1;
    public static final int HEADER_BYTES = 64;
    static final int SEGMENT_BYTES = 64 * 1024;
    static final int TAG_BYTES = 16;
    private static final int KEY_ID_AT = 5;
    private static final int WRAPPED_AT = KEY_ID_AT + KeyId.BYTES;
    private static final int WRAPPED_BYTES = KeyRing.KEY_BYTES + 8;
    private static final int PREFIX_AT = WRAPPED_AT + WRAPPED_BYTES;
    private static final int PREFIX_BYTES = 7;
    private static final int SEGMENT_SIZE_AT = PREFIX_AT + PREFIX_BYTES;

    private SealedFile() {
    }

    /** Whether {@code header} (the first bytes of a file) starts like a sealed object. */
    public static boolean isSealed(byte[] header) {
        return header.length >= MAGIC.length && Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * A stream that seals what is written to it into {@code out}, under a fresh data key wrapped by the ring's current
     * key. Closing it writes the last segment and closes {@code out}; until then the object is incomplete.
     */
    public static OutputStream seal(OutputStream out, KeyRing keys) throws IOException {
        return new SealingStream(out, keys);
    }

    /** Seals a small object in memory. */
    public static byte[] seal(byte[] plaintext, KeyRing keys) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(plaintext.length + HEADER_BYTES + 32);
        try (OutputStream sealing = seal(out, keys)) {
            sealing.write(plaintext);
        } catch (IOException e) {
            throw new IllegalStateException("sealing in memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Opens a sealed object from a stream; each segment is authenticated before its bytes are returned. */
    public static InputStream open(InputStream in, KeyRing keys) throws IOException {
        return new OpeningStream(in, keys);
    }

    /** Opens a sealed file. */
    public static InputStream open(Path file, KeyRing keys) throws IOException {
        InputStream in = java.nio.file.Files.newInputStream(file);
        try {
            return open(new java.io.BufferedInputStream(in, SEGMENT_BYTES + TAG_BYTES), keys);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Opens a small sealed object in memory. */
    public static byte[] open(byte[] sealed, KeyRing keys) throws IOException {
        try (InputStream in = open(new java.io.ByteArrayInputStream(sealed), keys)) {
            return in.readAllBytes();
        }
    }

    /** Whether the file starts like a sealed object (an empty or plaintext file does not). */
    public static boolean isSealed(Path file) throws IOException {
        return WrappedKeyHeader.hasMagic(file, MAGIC);
    }

    /** The id of the master key that wraps the data key of this sealed file. */
    public static KeyId keyId(Path file) throws IOException {
        return WrappedKeyHeader.keyId(file, MAGIC, KEY_ID_AT);
    }

    /**
     * Re-wraps the file's data key under the ring's current key, in place (the 48 header bytes of key id and wrapped
     * key, one write well inside the first disk sector), and forces it to disk. The segments are untouched.
     *
     * @return false when the file was already wrapped by the current key
     */
    public static boolean rewrap(Path file, KeyRing keys) throws IOException {
        return WrappedKeyHeader.rewrap(file, MAGIC, KEY_ID_AT, WRAPPED_BYTES, keys);
    }

    private static byte[] associatedData(byte[] header) {
        byte[] aad = new byte[HEADER_BYTES - KeyId.BYTES - WRAPPED_BYTES];
        System.arraycopy(header, 0, aad, 0, KEY_ID_AT);
        System.arraycopy(header, PREFIX_AT, aad, KEY_ID_AT, HEADER_BYTES - PREFIX_AT);
        return aad;
    }

    private static byte[] nonce(byte[] prefix, int segment, boolean last) {
        return ByteBuffer.allocate(12).put(prefix).putInt(segment).put((byte) (last ? 1 : 0)).array();
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] prefix, int segment, boolean last, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce(prefix, segment, last)));
            cipher.updateAAD(aad);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static final class SealingStream extends OutputStream {
        private final OutputStream out;
        private final SecretKeySpec key;
        private final byte[] prefix;
        private final byte[] aad;
        private final byte[] segment = new byte[SEGMENT_BYTES];
        private int filled;
        private int index;
        private boolean closed;

        SealingStream(OutputStream out, KeyRing keys) throws IOException {
            this.out = Objects.requireNonNull(out, "out");
            byte[] dataKey = KeyRing.randomBytes(KeyRing.KEY_BYTES);
            this.key = new SecretKeySpec(dataKey, "AES");
            this.prefix = KeyRing.randomBytes(PREFIX_BYTES);
            byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put(FORMAT).put(keys.currentId().bytes())
                    .put(keys.wrap(dataKey)).put(prefix).putInt(SEGMENT_BYTES).array();
            Arrays.fill(dataKey, (byte) 0);
            this.aad = associatedData(header);
            out.write(header);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw new IOException("stream closed");
            }
            while (len > 0) {
                if (filled == SEGMENT_BYTES) {
                    // Only a full segment with more data after it is known not to be the last.
                    writeSegment(false);
                }
                int n = Math.min(len, SEGMENT_BYTES - filled);
                System.arraycopy(b, off, segment, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void writeSegment(boolean last) throws IOException {
            try {
                out.write(cipher(Cipher.ENCRYPT_MODE, key, prefix, index, last, aad).doFinal(segment, 0, filled));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM encryption failed", e);
            }
            index++;
            filled = 0;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (out) {
                writeSegment(true);
            }
        }
    }

    private static final class OpeningStream extends InputStream {
        private final InputStream in;
        private final SecretKeySpec key;
        private final byte[] prefix;
        private final byte[] aad;
        private final byte[] sealed = new byte[SEGMENT_BYTES + TAG_BYTES + 1];
        private int sealedFilled;
        private byte[] plain = new byte[0];
        private int plainAt;
        private int index;
        private boolean done;

        OpeningStream(InputStream in, KeyRing keys) throws IOException {
            this.in = in;
            byte[] header = in.readNBytes(HEADER_BYTES);
            if (header.length < HEADER_BYTES || !isSealed(header)) {
                throw new IntegrityException("not a sealed Chartroom object (missing or damaged header)");
            }
            if (header[MAGIC.length] != FORMAT) {
                throw new IntegrityException("unknown sealed object format " + header[MAGIC.length]);
            }
            if (ByteBuffer.wrap(header, SEGMENT_SIZE_AT, 4).getInt() != SEGMENT_BYTES) {
                throw new IntegrityException("unsupported segment size in a sealed object");
            }
            KeyId id = KeyId.fromBytes(Arrays.copyOfRange(header, KEY_ID_AT, WRAPPED_AT));
            byte[] dataKey = keys.unwrap(id, Arrays.copyOfRange(header, WRAPPED_AT, PREFIX_AT));
            this.key = new SecretKeySpec(dataKey, "AES");
            Arrays.fill(dataKey, (byte) 0);
            this.prefix = Arrays.copyOfRange(header, PREFIX_AT, PREFIX_AT + PREFIX_BYTES);
            this.aad = associatedData(header);
            // Read one byte beyond the first segment: whether more follows is what tells the last segment.
            this.sealedFilled = in.readNBytes(sealed, 0, sealed.length);
        }

        private boolean nextSegment() throws IOException {
            if (done) {
                return false;
            }
            int length = Math.min(sealedFilled, SEGMENT_BYTES + TAG_BYTES);
            boolean last = sealedFilled <= SEGMENT_BYTES + TAG_BYTES;
            if (length < TAG_BYTES) {
                throw new IntegrityException("a sealed object is truncated");
            }
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, prefix, index, last, aad).doFinal(sealed, 0, length);
            } catch (AEADBadTagException e) {
                throw new IntegrityException("a sealed object failed its integrity check (damaged, truncated or "
                        + "altered)", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM decryption failed", e);
            }
            plainAt = 0;
            index++;
            if (last) {
                done = true;
            } else {
                sealed[0] = sealed[SEGMENT_BYTES + TAG_BYTES];
                sealedFilled = 1 + in.readNBytes(sealed, 1, sealed.length - 1);
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (plainAt == plain.length) {
                if (!nextSegment()) {
                    return -1;
                }
            }
            int n = Math.min(len, plain.length - plainAt);
            System.arraycopy(plain, plainAt, b, off, n);
            plainAt += n;
            return n;
        }

        @Override
        public int available() {
            return plain.length - plainAt;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
