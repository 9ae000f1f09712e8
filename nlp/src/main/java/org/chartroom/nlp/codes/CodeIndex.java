package org.chartroom.nlp.codes;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.chartroom.core.error.ConfigurationException;

/**
 * The code index opened for search: the code table in memory (code → billable flag and description, sorted, so a
 * header's billable descendants are a range) and the term entries searched with Lucene. Thread-safe.
 */
public final class CodeIndex implements Closeable {
    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final NavigableMap<String, CodeEntry> codes;
    private final Map<String, Double> weights = new java.util.concurrent.ConcurrentHashMap<>();

    private CodeIndex(FSDirectory directory, DirectoryReader reader, NavigableMap<String, CodeEntry> codes) {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.codes = codes;
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
        try {
            FSDirectory dir = FSDirectory.open(folder);
            DirectoryReader reader = DirectoryReader.open(dir);
            NavigableMap<String, CodeEntry> codes = new TreeMap<>();
            try (java.io.BufferedReader table = Files.newBufferedReader(folder.resolve(CodeIndexBuilder.CODE_TABLE),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                String line;
                while ((line = table.readLine()) != null) {
                    String[] f = line.split("\t", 3);
                    if (f.length == 3) {
                        codes.put(f[0], new CodeEntry(f[0], f[1].equals("1"), f[2]));
                    }
                }
            }
            return new CodeIndex(dir, reader, Collections.unmodifiableNavigableMap(codes));
        } catch (IOException e) {
            throw new ConfigurationException("cannot open the code index in " + folder + " (" + e.getMessage()
                    + "); rebuild it with 'chartroom codes import'", e);
        }
    }

    /** The code line of {@code code} (with dot), if the release has it. */
    public CodeEntry code(String code) {
        return codes.get(code);
    }

    /** The billable codes at or under {@code prefix} (a header or a code with its trailing dash removed). */
    public List<CodeEntry> billableUnder(String prefix) {
        List<CodeEntry> out = new ArrayList<>();
        for (Map.Entry<String, CodeEntry> e : codes.subMap(prefix, true, prefix + Character.MAX_VALUE, false)
                .entrySet()) {
            if (e.getValue().billable()) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /**
     * How telling a word is: its inverse document frequency among the term entries, so that "right" or "encounter"
     * weigh little and "torsion" much.
     */
    public double weight(String word) {
        return weights.computeIfAbsent(word, w -> {
            try {
                int df = reader.docFreq(new Term(CodeIndexBuilder.WORDS, w));
                return Math.log(1.0 + (double) reader.numDocs() / (df + 1.0));
            } catch (IOException e) {
                return 1.0;
            }
        });
    }

    public int codeCount() {
        return codes.size();
    }

    /** The term entries sharing the most words with {@code words}, best first (BM25), at most {@code n}. */
    public List<TermEntry> candidates(List<String> words, int n) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String w : new LinkedHashSet<>(words)) {
            q.add(new TermQuery(new Term(CodeIndexBuilder.WORDS, w)), BooleanClause.Occur.SHOULD);
        }
        try {
            List<TermEntry> out = new ArrayList<>();
            StoredFields stored = reader.storedFields();
            for (ScoreDoc sd : searcher.search(q.build(), n).scoreDocs) {
                Document d = stored.document(sd.doc);
                List<String> required = split(d.get(CodeIndexBuilder.REQUIRED));
                int head = Math.min(required.size(), d.getField(CodeIndexBuilder.HEAD).numericValue().intValue());
                out.add(new TermEntry(required, head, split(d.get(CodeIndexBuilder.OPTIONAL)),
                        d.get(CodeIndexBuilder.CODE), d.get(CodeIndexBuilder.SOURCE)));
            }
            return out;
        } catch (IOException e) {
            throw new ConfigurationException("the code index cannot be read (" + e.getMessage()
                    + "); rebuild it with 'chartroom codes import'", e);
        }
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(" "));
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }

    IndexReader reader() {
        return reader;
    }
}
