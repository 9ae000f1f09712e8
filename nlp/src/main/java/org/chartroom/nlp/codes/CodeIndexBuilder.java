package org.chartroom.nlp.codes;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.chartroom.core.error.ConfigurationException;

/**
 * Builds the Lucene code index from an ICD-10-CM release folder: one document per term entry (its normalised words
 * searchable, its parts stored) and the code table (code, billable flag, description, the words the description
 * states, negates and states in parentheses) as a TSV beside it. Written to a temporary folder and moved
 * into place, so a reader never sees half an index. A site runs it once per release (every October).
 */
public final class CodeIndexBuilder {
    static final String CODE = "code";
    static final String WORDS = "words";
    static final String REQUIRED = "required";
    static final String OPTIONAL = "optional";
    static final String SOURCE = "source";
    static final String HEAD = "head";
    static final String IMPLIED = "implied";
    static final String CODE_TABLE = "code-table.tsv";
    /** Bumped when the layout changes, so an old index is rebuilt. */
    static final String FORMAT = "chartroom-codes-7";

    private CodeIndexBuilder() {
    }

    /**
     * Builds the index of {@code release} into {@code target}, replacing what is there.
     *
     * @param progress where progress lines go (stderr for the command line)
     * @throws ConfigurationException when the release is incomplete or the folder cannot be written
     */
    public static void build(Icd10cmRelease release, Path target, PrintStream progress) {
        long t0 = System.nanoTime();
        List<CodeEntry> codes = release.codes();
        progress.printf("codes: %d code lines read from the order file%n", codes.size());
        List<TermEntry> terms = new ArrayList<>();
        List<TermEntry> index = release.indexTerms();
        progress.printf("codes: %d alphabetic index terms%n", index.size());
        terms.addAll(index);
        List<TermEntry> neoplasms = release.neoplasmTerms();
        progress.printf("codes: %d neoplasm table entries%n", neoplasms.size());
        terms.addAll(neoplasms);
        List<TermEntry> drugs = release.drugTerms();
        progress.printf("codes: %d table of drugs entries%n", drugs.size());
        terms.addAll(drugs);
        TabularXml.Contents tabular = release.tabular();
        progress.printf("codes: %d tabular inclusion terms, %d tabular notes%n", tabular.inclusions().size(),
                tabular.notes().size());
        terms.addAll(tabular.inclusions());
        for (CodeEntry c : codes) {
            if (c.billable()) {
                // Only what the description states: "without obstruction" does not name obstruction.
                DescriptionWords words = DescriptionWords.of(c.description());
                List<String> required = new ArrayList<>(words.stated());
                required.removeAll(words.nonessential());
                terms.add(TermEntry.of(required, 0, List.copyOf(words.nonessential()), c.code(),
                        TermSource.DESCRIPTION));
            }
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".building");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            try (FSDirectory dir = FSDirectory.open(tmp);
                 IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer())
                         .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64))) {
                for (TermEntry t : terms) {
                    if (t.required().isEmpty() && t.optional().isEmpty()) {
                        continue;
                    }
                    Document d = new Document();
                    d.add(new TextField(WORDS, String.join(" ", t.required()) + " " + String.join(" ", t.optional()),
                            Field.Store.NO));
                    d.add(new StoredField(REQUIRED, String.join(" ", t.required())));
                    d.add(new StoredField(OPTIONAL, String.join(" ", t.optional())));
                    d.add(new StoredField(CODE, t.code()));
                    d.add(new StoredField(IMPLIED, String.join(" ", t.implied())));
                    d.add(new StoredField(SOURCE, t.source().stored()));
                    d.add(new StoredField(HEAD, t.head()));
                    w.addDocument(d);
                }
                w.setLiveCommitData(List.of(java.util.Map.entry("format", FORMAT),
                        java.util.Map.entry("release", release.folder().getFileName().toString())));
                w.forceMerge(1);
                w.commit();
            }
            // The code table is read whole at start: a plain sorted file loads faster than stored documents.
            try (java.io.BufferedWriter table = Files.newBufferedWriter(tmp.resolve(CODE_TABLE),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                for (CodeEntry c : codes) {
                    DescriptionWords words = DescriptionWords.of(c.description());
                    table.write(c.code() + "\t" + (c.billable() ? 1 : 0) + "\t" + c.description() + "\t"
                            + String.join(" ", words.stated()) + "\t" + String.join(" ", words.negated()) + "\t"
                            + String.join(" ", words.nonessential()) + "\n");
                }
            }
            List<List<String>> mainTerms = new ArrayList<>();
            for (TermEntry t : index) {
                char chapter = t.code().isEmpty() ? 'Z' : t.code().charAt(0);
                if (t.head() > 0 && chapter >= 'A' && chapter <= 'T') {
                    mainTerms.add(t.required().subList(0, t.head()));
                }
            }
            org.chartroom.nlp.concept.ConceptDictionary.write(tmp, mainTerms);
            TabularNotes.write(tmp, tabular.notes());
            deleteTree(target);
            Files.createDirectories(target.getParent() == null ? Path.of(".") : target.getParent());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConfigurationException("cannot write the code index to " + target + " (" + e.getMessage()
                    + "); check that the data directory is writable", e);
        }
        progress.printf("codes: index of %d codes and %d terms built in %d ms%n", codes.size(), terms.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
