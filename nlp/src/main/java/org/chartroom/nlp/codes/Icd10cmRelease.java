package org.chartroom.nlp.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;


import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.eval.QuotedCsvReader;
import org.chartroom.nlp.rules.RuleFile;

/**
 * The files of an ICD-10-CM release folder, read into code lines and term entries. Files are found by name anywhere
 * under the folder: the order file {@code icd10cm-order-YYYY.txt} (required; codes, billable flags, descriptions),
 * the Alphabetic Index (the CDC XML, or a CSV flattening of it), the Neoplasm Table and the Table of Drugs and
 * Chemicals (CDC XML), and the Tabular List XML ({@code icd10cm_tabular_*.xml}: inclusion terms and notes). The
 * newest of each (by file name) wins; every file but the order file is optional.
 */
public final class Icd10cmRelease {
    /** The resource naming the index tables' columns, relative to {@code org/chartroom/nlp/}. */
    static final String TABLE_COLUMNS = "code-table-columns.tsv";

    private final Path folder;

    public Icd10cmRelease(Path folder) {
        this.folder = folder;
    }

    /** The code lines of the order file, in order. */
    public List<CodeEntry> codes() {
        Path order = find(name -> name.startsWith("icd10cm-order-") && name.endsWith(".txt")
                && !name.contains("addenda")).orElseThrow(() -> new ConfigurationException(
                "no ICD-10-CM order file (icd10cm-order-YYYY.txt) under " + folder
                        + "; point CHARTROOM_ICD10CM at the unpacked CDC release folder"));
        List<CodeEntry> out = new ArrayList<>(100_000);
        try (BufferedReader in = Files.newBufferedReader(order, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.length() < 77) {
                    continue;
                }
                String raw = line.substring(6, 13).strip();
                String code = raw.length() > 3 ? raw.substring(0, 3) + "." + raw.substring(3) : raw;
                out.add(new CodeEntry(code, line.charAt(14) == '1', line.substring(77).strip()));
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the ICD-10-CM order file " + order + ": "
                    + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The Alphabetic Index: the CDC index XML ({@code icd10cm_index_YYYY.xml}) when the folder has it, else the
     * index flattened to CSV ({@code *Index.csv}: {@code RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code}).
     */
    List<TermEntry> indexTerms() {
        Optional<Path> xml = find(name -> name.endsWith(".xml") && name.contains("index")
                && !name.contains("eindex") && !name.contains("drug") && !name.contains("neoplasm"));
        if (xml.isPresent()) {
            return IndexEntries.ofIndex(IndexXml.read(xml.get()).rows());
        }
        Optional<Path> csv = find(name -> name.endsWith("index.csv"));
        return csv.isEmpty() ? List.of() : IndexEntries.ofIndex(indexCsv(csv.get()));
    }

    private static List<IndexRow> indexCsv(Path csv) {
        List<IndexRow> rows = new ArrayList<>(90_000);
        try (QuotedCsvReader in = new QuotedCsvReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            in.next(); // header
            Optional<List<String>> row;
            while ((row = in.next()).isPresent()) {
                List<String> f = row.get();
                if (f.size() >= 8) {
                    rows.add(new IndexRow(Integer.parseInt(f.get(2).strip()), f.get(3).strip(), f.get(6).strip(),
                            f.get(4).strip(), f.get(5).strip(), f.get(7).strip(), List.of()));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("cannot read the ICD-10-CM index CSV " + csv + ": " + e.getMessage(), e);
        }
    }

    /** The Neoplasm Table (CDC XML {@code *neoplasm*.xml}): a site path under each behaviour column. */
    List<TermEntry> neoplasmTerms() {
        return table(IndexEntries.Table.NEOPLASM, "neoplasm");
    }

    /** The Table of Drugs and Chemicals (CDC XML {@code *drug*.xml}): a substance under each event column. */
    List<TermEntry> drugTerms() {
        return table(IndexEntries.Table.DRUG, "drug");
    }

    private List<TermEntry> table(IndexEntries.Table table, String nameContains) {
        Optional<Path> xml = find(name -> name.endsWith(".xml") && name.contains(nameContains));
        if (xml.isEmpty()) {
            return List.of();
        }
        IndexXml.Contents contents = IndexXml.read(xml.get());
        return IndexEntries.ofTable(table, contents.headings(), contents.rows(),
                RuleFile.readResource(TABLE_COLUMNS));
    }

    /** The Tabular List XML ({@code icd10cm_tabular_*.xml}): inclusion terms and notes; empty when absent. */
    TabularXml.Contents tabular() {
        Optional<Path> xml = find(name -> name.contains("tabular") && name.endsWith(".xml"));
        return xml.isEmpty() ? new TabularXml.Contents(List.of(), List.of()) : TabularXml.read(xml.get());
    }

    private Optional<Path> find(java.util.function.Predicate<String> nameMatches) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(folder, 4)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> nameMatches.test(p.getFileName().toString().toLowerCase(Locale.ROOT)))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new ConfigurationException("cannot list the ICD-10-CM release folder " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether the folder holds a release (at least the order file). */
    public boolean present() {
        return find(name -> name.startsWith("icd10cm-order-") && name.endsWith(".txt")
                && !name.contains("addenda")).isPresent();
    }

    public Path folder() {
        return folder;
    }
}
