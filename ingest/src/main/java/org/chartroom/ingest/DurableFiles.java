package org.chartroom.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Writing files so that a crash leaves either the old state or the complete new file: a temporary file is written and
 * forced to disk, renamed into place atomically, and the directory forced, so the new name survives too.
 */
public final class DurableFiles {
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DurableFiles() {
    }

    /**
     * Replaces {@code target} with {@code content} durably. The temporary file is made in {@code tmp}, which must be
     * on the same file system; it is removed if anything fails.
     */
    public static void replace(Path target, byte[] content, Path tmp) throws IOException {
        Path file = Files.createTempFile(tmp, "write-", ".part");
        try {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(file);
        }
        fsyncDirectory(target.getParent());
    }

    /** Creates the directory and missing parents, owner-only where the file system has POSIX permissions (PHI). */
    public static void createPrivateDirectories(Path dir) throws IOException {
        Files.createDirectories(dir, privateDirectory());
    }

    /** Creates one directory, owner-only as above; fails if it exists. */
    public static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectory(dir, privateDirectory());
    }

    private static FileAttribute<?>[] privateDirectory() {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    /**
     * Forces a directory's entries (names created, renamed or removed in it) to disk. Windows cannot open a directory
     * as a channel; NTFS journals renames itself, so there it is skipped.
     */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!WINDOWS) {
                throw e;
            }
        }
    }
}
