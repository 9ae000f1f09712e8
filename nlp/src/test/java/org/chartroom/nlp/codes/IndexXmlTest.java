package org.chartroom.nlp.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.rules.RuleFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CDC index XML format: the Alphabetic Index's terms and the tables' cells, and the entries made of them. */
class IndexXmlTest {
    @TempDir
    Path temp;

    private static final String INDEX = """
            <?xml version="1.0" encoding="utf-8"?>
            <ICD10CM.index>
              <version>2026</version>
              <letter>
                <title>C</title>
                <mainTerm>
                  <title>Colic<nemod>(bilious) (infantile)</nemod></title>
                  <code>R10.83</code>
                  <term level="1">
                    <title>biliary</title>
                    <see>Calculus, bile duct</see>
                  </term>
                  <term level="1">
                    <title>abdomen</title>
                    <code>R10.83</code>
                    <term level="2">
                      <title>psychogenic</title>
                      <code>F45.8</code>
                    </term>
                  </term>
                </mainTerm>
                <mainTerm>
                  <title>Colitis</title>
                  <seeAlso>Enteritis</seeAlso>
                  <code>K52.9</code>
                </mainTerm>
                <mainTerm>
                  <title>Condition</title>
                  <see>category M01</see>
                </mainTerm>
              </letter>
            </ICD10CM.index>
            """;

    @Test
    void termsKeepTheirLevelNonessentialModifiersReferencesAndCode() throws IOException {
        Path file = temp.resolve("icd10cm_index_2026.xml");
        Files.writeString(file, INDEX, StandardCharsets.UTF_8);
        List<IndexRow> rows = IndexXml.read(file).rows();
        assertEquals(List.of(
                new IndexRow(0, "Colic", "(bilious) (infantile)", "", "", "R10.83", List.of()),
                new IndexRow(1, "biliary", "", "Calculus, bile duct", "", "", List.of()),
                new IndexRow(1, "abdomen", "", "", "", "R10.83", List.of()),
                new IndexRow(2, "psychogenic", "", "", "", "F45.8", List.of()),
                new IndexRow(0, "Colitis", "", "", "Enteritis", "K52.9", List.of()),
                new IndexRow(0, "Condition", "", "category M01", "", "", List.of())), rows);

        List<TermEntry> entries = IndexEntries.ofIndex(rows);
        assertTrue(entries.contains(TermEntry.of(List.of("colic", "abdomen", "psychogen"), 1,
                List.of("bilious", "infantil"), "F45.8", TermSource.INDEX)), entries.toString());
        assertTrue(entries.contains(new TermEntry(List.of("colic", "biliari"), 1, List.of("bilious", "infantil"),
                List.of("calculus", "bile", "duct"), "", TermSource.SEE)), entries.toString());
        assertTrue(entries.contains(new TermEntry(List.of("colitis"), 1, List.of(), List.of("enteritis"), "",
                TermSource.SEE_ALSO)), entries.toString());
        // "see category M01" sends the coder to the category itself.
        assertTrue(entries.contains(TermEntry.of(List.of("condit"), 1, List.of(), "M01", TermSource.SEE)),
                entries.toString());
    }

    @Test
    void tableRowsGiveOneEntryPerColumnWithACode() throws IOException {
        Path release = FixtureRelease.write(Files.createDirectories(temp.resolve("release")));
        IndexXml.Contents neoplasm = IndexXml.read(release.resolve("icd10cm-neoplasm-2026.xml"));
        assertEquals("Malignant Primary", neoplasm.headings().get(0));
        List<TermEntry> entries = IndexEntries.ofTable(IndexEntries.Table.NEOPLASM, neoplasm.headings(),
                neoplasm.rows(), RuleFile.readResource(Icd10cmRelease.TABLE_COLUMNS));
        // The behaviour is the main term; the site and its nonessential modifiers follow.
        TermEntry breast = entries.stream().filter(e -> e.code().equals("C50.91-")).findFirst().orElseThrow();
        assertEquals(List.of("malign", "neoplasm", "breast"), breast.required());
        assertEquals(2, breast.head());
        assertTrue(breast.optional().contains("glandular"));
        assertEquals(8, entries.size()); // two main-term cells, six breast cells

        IndexXml.Contents drug = IndexXml.read(release.resolve("icd10cm-drug-2026.xml"));
        List<TermEntry> drugs = IndexEntries.ofTable(IndexEntries.Table.DRUG, drug.headings(), drug.rows(),
                RuleFile.readResource(Icd10cmRelease.TABLE_COLUMNS));
        TermEntry accidental = drugs.stream().filter(e -> e.code().equals("T43.221")).findFirst().orElseThrow();
        assertEquals(List.of("citalopram", "poison"), accidental.required());
        assertEquals(1, accidental.head());
    }

    @Test
    void aBrokenFileNamesItself() throws IOException {
        Path file = temp.resolve("broken.xml");
        Files.writeString(file, "<ICD10CM.index><mainTerm>", StandardCharsets.UTF_8);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> IndexXml.read(file));
        assertTrue(e.getMessage().contains("broken.xml"), e.getMessage());
    }
}
