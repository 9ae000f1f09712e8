package org.chartroom.core.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The part every encrypted file format here shares: a magic number, then at a fixed offset the id of the master key
 * and the data key (and whatever else is secret) wrapped by it. Reading the id and re-wrapping in place are all that
 * {@code chartroom keys rotate} needs, whatever the format.
 */
public final class WrappedKeyHeader {
    private WrappedKeyHeader() {
    }

    /** The id of the master key that wrapped this file's key. */
    public static KeyId keyId(Path file, byte[] magic, int keyIdAt) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] header = read(channel, keyIdAt + KeyId.BYTES);
            checkMagic(header, magic);
            return KeyId.fromBytes(Arrays.copyOfRange(header, keyIdAt, keyIdAt + KeyId.BYTES));
        }
    }

    /** Whether the file starts with {@code magic}; false for an empty or shorter file. */
    public static boolean hasMagic(Path file, byte[] magic) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < magic.length) {
                return false;
            }
            return Arrays.equals(read(channel, magic.length), magic);
        }
    }

    /**
     * Replaces the key id and wrapped secret at {@code keyIdAt} with the same secret wrapped by the ring's current
     * key, in one positional write, and forces it to disk.
     *
     * @return false when the current key already wraps it
     * @throws IntegrityException when the file is not in the expected format or the wrapped secret is damaged
     */
    public static boolean rewrap(Path file, byte[] magic, int keyIdAt, int wrappedBytes, KeyRing keys)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            byte[] header = read(channel, keyIdAt + KeyId.BYTES + wrappedBytes);
            checkMagic(header, magic);
            KeyId id = KeyId.fromBytes(Arrays.copyOfRange(header, keyIdAt, keyIdAt + KeyId.BYTES));
            if (id.equals(keys.currentId())) {
                return false;
            }
            int wrappedAt = keyIdAt + KeyId.BYTES;
            byte[] secret = keys.unwrap(id, Arrays.copyOfRange(header, wrappedAt, wrappedAt + wrappedBytes));
            byte[] rewrapped = keys.wrap(secret);
            Arrays.fill(secret, (byte) 0);
            ByteBuffer update = ByteBuffer.allocate(KeyId.BYTES + wrappedBytes).put(keys.currentId().bytes())
                    .put(rewrapped).flip();
            while (update.hasRemaining()) {
                channel.write(update, keyIdAt + update.position());
            }
            channel.force(true);
            return true;
        }
    }

    private static byte[] read(FileChannel channel, int length) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(length);
        while (header.hasRemaining()) {
            if (channel.read(header, header.position()) < 0) {
                throw new IntegrityException("an encrypted file is shorter than its header");
            }
        }
        return header.array();
    }

    private static void checkMagic(byte[] header, byte[] magic) throws IntegrityException {
        if (!Arrays.equals(header, 0, magic.length, magic, 0, magic.length)) {
            throw new IntegrityException("not an encrypted Chartroom file (unknown header)");
        }
    }
}
