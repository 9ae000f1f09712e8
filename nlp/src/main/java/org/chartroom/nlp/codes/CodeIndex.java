package org.chartroom.nlp.codes;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.chartroom.core.error.ConfigurationException;

/**
 * The code index opened for use: the code table (every order-file line, sorted, so a header's billable descendants
 * are a range), the term entries read from the Lucene index into memory ({@link TermTable}) and the Tabular List's
 * notes ({@link TabularNotes}). Everything is read once at open and the Lucene files are closed again: suggestion
 * needs no file access. Thread-safe.
 */
public final class CodeIndex implements Closeable {
    private final CodeTable codes;
    private final TermTable terms;
    private final TabularNotes notes;

    private CodeIndex(CodeTable codes, TermTable terms, TabularNotes notes) {
        this.codes = codes;
        this.terms = terms;
        this.notes = notes;
    }

    /** Whether {@code folder} holds a code index of the current format. */
    public static boolean exists(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (FSDirectory dir = FSDirectory.open(folder)) {
            if (!DirectoryReader.indexExists(dir)) {
                return false;
            }
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                return CodeIndexBuilder.FORMAT.equals(r.getIndexCommit().getUserData().get("format"));
            }
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens the index in {@code folder}.
     *
     * @throws ConfigurationException when there is no readable index there
     */
    public static CodeIndex open(Path folder) {
        try (FSDirectory dir = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(dir)) {
            Map<String, Integer> ids = new HashMap<>();
            TermTable.Rows rows = TermTable.read(reader, ids);
            CodeTable codes = readCodeTable(folder.resolve(CodeIndexBuilder.CODE_TABLE), ids);
            return new CodeIndex(codes, rows.table(ids), TabularNotes.read(folder));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("cannot open the code index in " + folder + " (" + e.getMessage()
                    + "); rebuild it with 'chartroom codes import'", e);
        }
    }

    /** Reads {@code code, billable, description, stated, negated, nonessential words} lines, sorted by code. */
    private static CodeTable readCodeTable(Path file, Map<String, Integer> ids) throws IOException {
        List<String[]> lines = new ArrayList<>(100_000);
        try (BufferedReader table = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = table.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length == 6) {
                    lines.add(f);
                }
            }
        }
        lines.sort(Comparator.comparing(f -> f[0]));
        List<CodeEntry> entries = new ArrayList<>(lines.size());
        List<int[]> stated = new ArrayList<>(lines.size());
        List<int[]> negated = new ArrayList<>(lines.size());
        List<int[]> nonessential = new ArrayList<>(lines.size());
        for (String[] f : lines) {
            entries.add(new CodeEntry(f[0], f[1].equals("1"), f[2]));
            stated.add(sorted(TermTable.intern(ids, f[3])));
            negated.add(sorted(TermTable.intern(ids, f[4])));
            nonessential.add(sorted(TermTable.intern(ids, f[5])));
        }
        return new CodeTable(entries, stated, negated, nonessential);
    }

    private static int[] sorted(int[] ids) {
        int[] out = Arrays.stream(ids).distinct().toArray();
        Arrays.sort(out);
        return out;
    }

    /** The code line of {@code code} (with dot), if the release has it. */
    public CodeEntry code(String code) {
        return codes.code(code);
    }

    /** The billable codes at or under {@code prefix} (a header or a code with its trailing dash removed). */
    public List<CodeEntry> billableUnder(String prefix) {
        return Arrays.stream(codes.billableUnder(prefix)).mapToObj(codes::entry).toList();
    }

    public int codeCount() {
        return codes.size();
    }

    /** The Tabular List's notes: excludes, code first, use additional code, 7th characters. */
    public TabularNotes notes() {
        return notes;
    }

    CodeTable codeTable() {
        return codes;
    }

    TermTable terms() {
        return terms;
    }

    /** Nothing stays open after {@link #open}; kept so callers can scope an index with try-with-resources. */
    @Override
    public void close() {
        // The Lucene files were read whole and closed at open.
    }
}
