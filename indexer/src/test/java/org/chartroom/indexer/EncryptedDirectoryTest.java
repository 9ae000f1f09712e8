package org.chartroom.indexer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NIOFSDirectory;
import org.chartroom.core.crypto.KeyRing;
import org.chartroom.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedDirectoryTest {
    private static final String PHRASE = "quillwort";
    private final SecretKey master = KeyRing.newKey();
    private final KeyRing keys = new KeyRing(master, List.of(), "test");

    @TempDir
    Path dir;

    private Directory open(KeyRing ring) throws IOException {
        return new EncryptedDirectory(FSDirectory.open(dir), ring);
    }

    private byte[] writeRandomFile(Directory directory, String name, int length) throws IOException {
        byte[] plain = new byte[length];
        new Random(length).nextBytes(plain);
        try (IndexOutput out = directory.createOutput(name, IOContext.DEFAULT)) {
            // Mixed single-byte and bulk writes, across buffer boundaries.
            int i = 0;
            Random sizes = new Random(7);
            while (i < length) {
                int n = Math.min(length - i, sizes.nextInt(10_000));
                if (n < 3) {
                    out.writeByte(plain[i++]);
                } else {
                    out.writeBytes(plain, i, n);
                    i += n;
                }
                assertEquals(i, out.getFilePointer());
            }
        }
        return plain;
    }

    /** Streamed files ({@code .bin}) and files decrypted whole into the heap when opened (doc values, {@code .dvd}). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"data.bin", "_0_Lucene90_0.dvd"})
    void randomAccessReadsSeeksClonesAndSlicesReturnThePlaintext(String name) throws IOException {
        try (Directory directory = open(keys)) {
            byte[] plain = writeRandomFile(directory, name, 300_001);
            assertEquals(plain.length, directory.fileLength(name));
            assertEquals(plain.length + EncryptedDirectory.HEADER_BYTES, Files.size(dir.resolve(name)));
            try (IndexInput in = directory.openInput(name, IOContext.DEFAULT)) {
                assertEquals(plain.length, in.length());
                Random random = new Random(42);
                for (int round = 0; round < 500; round++) {
                    int at = random.nextInt(plain.length);
                    int n = Math.min(plain.length - at, random.nextInt(9000));
                    IndexInput reader = switch (round % 3) {
                        case 0 -> in;
                        case 1 -> in.clone();
                        default -> in.slice("slice", at, n);
                    };
                    reader.seek(reader == in || round % 3 == 1 ? at : 0);
                    byte[] read = new byte[n];
                    reader.readBytes(read, 0, n);
                    assertArrayEquals(java.util.Arrays.copyOfRange(plain, at, at + n), read, "round " + round);
                    if (reader != in && round % 3 == 1 && at + n < plain.length) {
                        assertEquals(plain[at + n], reader.clone().readByte(), "a clone starts where it was cloned");
                    }
                    if (n > 0) {
                        assertEquals(plain[at + n - 1], readBack(reader, reader.getFilePointer() - 1));
                    }
                }
                IndexInput slice = in.slice("outer", 1000, 50_000).slice("inner", 17, 100);
                byte[] nested = new byte[100];
                slice.readBytes(nested, 0, 100);
                assertArrayEquals(java.util.Arrays.copyOfRange(plain, 1017, 1117), nested);
                assertThrows(IOException.class, () -> slice.readBytes(new byte[1], 0, 1));
            }
        }
    }

    private static byte readBack(IndexInput reader, long position) throws IOException {
        IndexInput clone = reader.clone();
        clone.seek(position);
        return clone.readByte();
    }

    @Test
    void counterBlocksAddTheBlockNumberToTheIvModulo2To128() {
        Random random = new Random(7);
        byte[] allOnes = new byte[16];
        java.util.Arrays.fill(allOnes, (byte) 0xFF);
        byte[] lowOnes = new byte[16];
        java.util.Arrays.fill(lowOnes, 8, 16, (byte) 0xFF);
        List<byte[]> ivs = new java.util.ArrayList<>(List.of(new byte[16], allOnes, lowOnes));
        for (int i = 0; i < 50; i++) {
            byte[] iv = new byte[16];
            random.nextBytes(iv);
            ivs.add(iv);
        }
        java.math.BigInteger modulus = java.math.BigInteger.ONE.shiftLeft(128);
        for (byte[] iv : ivs) {
            for (long block : new long[] {0, 1, 255, 256, 65_537, Long.MAX_VALUE, random.nextLong() >>> 1}) {
                java.math.BigInteger expected = new java.math.BigInteger(1, iv)
                        .add(java.math.BigInteger.valueOf(block)).mod(modulus);
                assertEquals(expected, new java.math.BigInteger(1, EncryptedDirectory.counter(iv, block)),
                        "iv " + java.util.HexFormat.of().formatHex(iv) + " + block " + block);
            }
        }
    }

    @Test
    void theChecksumIsOverThePlaintextAsLuceneExpects() throws IOException {
        try (Directory directory = open(keys)) {
            try (IndexOutput out = directory.createOutput("f.dat", IOContext.DEFAULT)) {
                CodecUtil.writeHeader(out, "test", 1);
                out.writeString("some content");
                CodecUtil.writeFooter(out);
            }
            try (ChecksumIndexInput in = directory.openChecksumInput("f.dat", IOContext.READONCE)) {
                CodecUtil.checkHeader(in, "test", 1, 1);
                assertEquals("some content", in.readString());
                CodecUtil.checkFooter(in);
            }
        }
    }

    @Test
    void anIndexIsSearchableAndNoFileHoldsItsWordsInPlaintext() throws IOException {
        try (Directory directory = open(keys)) {
            indexTwoDocuments(directory);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertEquals(1, new IndexSearcher(reader).count(new TermQuery(new Term("text", PHRASE))));
                assertEquals("Zebediah " + PHRASE, reader.storedFields().document(0).get("record"));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(PHRASE) || bytes.contains("Zebediah"), file.getFileName().toString());
            }
        }
        try (Directory plain = new NIOFSDirectory(dir)) {
            assertThrows(IOException.class, () -> DirectoryReader.open(plain), "unreadable without the key");
        }
    }

    @Test
    void alteredCiphertextIsReportedCorrupt() throws IOException {
        try (Directory directory = open(keys)) {
            indexTwoDocuments(directory);
        }
        Path stored;
        try (Stream<Path> files = Files.list(dir)) {
            stored = files.filter(f -> f.toString().endsWith(".fdt") || f.toString().endsWith(".cfs")).findFirst()
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stored);
        bytes[EncryptedDirectory.HEADER_BYTES + 40] ^= 0x10;
        Files.write(stored, bytes);
        try (Directory directory = open(keys); CheckIndex check = new CheckIndex(directory)) {
            assertFalse(check.checkIndex().clean, "CheckIndex finds the damage through Lucene's checksums");
        }

        bytes[EncryptedDirectory.HEADER_BYTES + 40] ^= 0x10;
        bytes[EncryptedDirectory.HEADER_BYTES - 3] ^= 0x01;
        Files.write(stored, bytes);
        try (Directory directory = open(keys)) {
            assertThrows(CorruptIndexException.class,
                    () -> directory.openInput(stored.getFileName().toString(), IOContext.DEFAULT).close(),
                    "a damaged header fails the key unwrap");
        }
    }

    @Test
    void anotherMasterKeyIsAConfigurationError() throws IOException {
        try (Directory directory = open(keys)) {
            indexTwoDocuments(directory);
        }
        try (Directory directory = open(new KeyRing(KeyRing.newKey(), List.of(), "test"))) {
            assertThrows(ConfigurationException.class, () -> DirectoryReader.open(directory));
        }
    }

    @Test
    void rewrappingEveryFileMovesTheIndexToTheNewKey() throws IOException {
        try (Directory directory = open(keys)) {
            indexTwoDocuments(directory);
        }
        SecretKey next = KeyRing.newKey();
        KeyRing rotating = new KeyRing(next, List.of(master), "test");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (EncryptedDirectory.isEncrypted(file)) {
                    assertTrue(EncryptedDirectory.rewrap(file, rotating));
                    assertEquals(rotating.currentId(), EncryptedDirectory.keyId(file));
                }
            }
        }
        try (Directory directory = open(new KeyRing(next, List.of(), "test"));
             DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(1, new IndexSearcher(reader).count(new TermQuery(new Term("text", PHRASE))));
        }
    }

    private static void indexTwoDocuments(Directory directory) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (String text : new String[] {"Zebediah " + PHRASE, "an unrelated note"}) {
                Document doc = new Document();
                doc.add(new TextField("text", text, Field.Store.NO));
                doc.add(new StoredField("record", text));
                writer.addDocument(doc);
            }
            writer.commit();
        }
    }
}
