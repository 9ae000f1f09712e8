package org.chartroom.nlp.codes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;

/**
 * The term entries of the code index held in memory, their words as small integers, with a posting list per word
 * (the entries whose required or optional words hold it). Every entry that shares a word with a phrase can then
 * be scored exactly, in microseconds, where a search engine would return only its best few by a score of its own.
 * About 20 MB for a release. Immutable and thread-safe.
 */
final class TermTable {
    /** The id of a word the table has never seen. */
    static final int UNKNOWN = -1;

    private final Map<String, Integer> ids;
    private final double[] weights;
    private final int[][] required;
    private final int[][] optional;
    private final int[][] implied;
    private final byte[] heads;
    private final String[] codes;
    private final TermSource[] sources;
    private final int[][] postings;
    private final double unknownWeight;
    private final String[] words;

    private TermTable(Map<String, Integer> ids, List<int[]> required, List<int[]> optional, List<int[]> implied,
                      List<Integer> heads, List<String> codes, List<TermSource> sources) {
        this.ids = Map.copyOf(ids);
        int n = codes.size();
        this.required = new int[n][];
        this.heads = new byte[n];
        for (int i = 0; i < n; i++) {
            // Each required word once, in order; the main term is then the distinct words of its first words.
            int[] all = required.get(i);
            int head = Math.min(all.length, heads.get(i));
            this.required[i] = Arrays.stream(all).distinct().toArray();
            this.heads[i] = (byte) Math.min(127, Arrays.stream(all, 0, head).distinct().count());
        }
        this.optional = optional.toArray(new int[0][]);
        this.implied = implied.toArray(new int[0][]);
        this.codes = codes.toArray(new String[0]);
        this.sources = sources.toArray(new TermSource[0]);
        int[] counts = new int[ids.size()];
        for (int e = 0; e < n; e++) {
            for (int w : distinct(this.required[e], this.optional[e])) {
                counts[w]++;
            }
        }
        this.postings = new int[ids.size()][];
        for (int w = 0; w < counts.length; w++) {
            postings[w] = new int[counts[w]];
        }
        int[] fill = new int[ids.size()];
        for (int e = 0; e < n; e++) {
            for (int w : distinct(this.required[e], this.optional[e])) {
                postings[w][fill[w]++] = e;
            }
        }
        // How telling a word is: its inverse document frequency among the entries, so that "right" or
        // "encounter" weigh little and "torsion" much.
        this.weights = new double[ids.size()];
        for (int w = 0; w < weights.length; w++) {
            weights[w] = Math.log(1.0 + (double) n / (counts[w] + 1.0));
        }
        this.unknownWeight = Math.log(1.0 + n);
        this.words = new String[ids.size()];
        ids.forEach((w, id) -> words[id] = w);
    }

    /** The entries as read, before the vocabulary is complete. */
    record Rows(List<int[]> required, List<int[]> optional, List<int[]> implied, List<Integer> heads,
                List<String> codes, List<TermSource> sources) {
        /** The table, once {@code ids} holds every word (entries' and descriptions'). */
        TermTable table(Map<String, Integer> ids) {
            return new TermTable(ids, required, optional, implied, heads, codes, sources);
        }
    }

    /** Reads every entry of the Lucene code index (stored fields, in document order), adding its words to ids. */
    static Rows read(IndexReader reader, Map<String, Integer> ids) throws IOException {
        int n = reader.maxDoc();
        List<int[]> required = new ArrayList<>(n);
        List<int[]> optional = new ArrayList<>(n);
        List<int[]> implied = new ArrayList<>(n);
        List<Integer> heads = new ArrayList<>(n);
        List<String> codes = new ArrayList<>(n);
        List<TermSource> sources = new ArrayList<>(n);
        Map<String, String> interned = new HashMap<>();
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < n; doc++) {
            Document d = stored.document(doc);
            int[] req = intern(ids, d.get(CodeIndexBuilder.REQUIRED));
            required.add(req);
            optional.add(intern(ids, d.get(CodeIndexBuilder.OPTIONAL)));
            implied.add(intern(ids, d.get(CodeIndexBuilder.IMPLIED)));
            heads.add(Math.min(req.length, d.getField(CodeIndexBuilder.HEAD).numericValue().intValue()));
            codes.add(interned.computeIfAbsent(d.get(CodeIndexBuilder.CODE), c -> c));
            sources.add(TermSource.valueOf(d.get(CodeIndexBuilder.SOURCE).toUpperCase(java.util.Locale.ROOT)));
        }
        return new Rows(required, optional, implied, heads, codes, sources);
    }

    /** The ids of the space-separated words of {@code joined}, new words added to {@code ids}. */
    static int[] intern(Map<String, Integer> ids, String joined) {
        if (joined == null || joined.isBlank()) {
            return new int[0];
        }
        String[] words = joined.split(" ");
        int[] out = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = ids.computeIfAbsent(words[i], k -> ids.size());
        }
        return out;
    }

    private static int[] distinct(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return Arrays.stream(all).distinct().toArray();
    }

    /** The id of {@code word}, or {@link #UNKNOWN}. */
    int id(String word) {
        return ids.getOrDefault(word, UNKNOWN);
    }

    /** The weight of a word id (an unknown word weighs most: it is rarer than any the index has). */
    double weight(int id) {
        return id == UNKNOWN ? unknownWeight : weights[id];
    }

    /** The words of some ids, for debugging output. */
    String words(int[] wordIds) {
        StringBuilder out = new StringBuilder();
        for (int id : wordIds) {
            out.append(out.length() == 0 ? "" : " ").append(id == UNKNOWN ? "?" : words[id]);
        }
        return out.toString();
    }

    /** How many distinct words the table knows (word ids are below this). */
    int vocabularySize() {
        return words.length;
    }

    int size() {
        return codes.length;
    }

    int[] postings(int id) {
        return id == UNKNOWN ? new int[0] : postings[id];
    }

    /** The entry's required words, each once, the main term's first. */
    int[] required(int entry) {
        return required[entry];
    }

    int[] optional(int entry) {
        return optional[entry];
    }

    int[] implied(int entry) {
        return implied[entry];
    }

    int head(int entry) {
        return heads[entry];
    }

    String code(int entry) {
        return codes[entry];
    }

    TermSource source(int entry) {
        return sources[entry];
    }
}
