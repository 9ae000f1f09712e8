package org.chartroom.nlp.codes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.chartroom.core.error.ConfigurationException;

/**
 * Reads the CDC Tabular List XML: for each {@code diag} (a category, subcategory or code), its inclusion terms and
 * its instructional notes (Excludes1, Excludes2, code first, use additional code, code also, the general notes such
 * as "a fracture not indicated as open or closed should be coded to closed") and its 7th-character table. A note
 * belongs to the innermost {@code diag} that holds it and applies to every code under it. DTDs and external entities
 * are refused.
 */
final class TabularXml {
    /** The note elements kept, by their XML name. */
    static final Set<String> KINDS = Set.of(TabularNote.EXCLUDES1, TabularNote.EXCLUDES2, TabularNote.CODE_FIRST,
            TabularNote.USE_ADDITIONAL_CODE, TabularNote.CODE_ALSO, TabularNote.NOTES);

    /**
     * What the file holds.
     *
     * @param inclusions the inclusion terms as term entries of their code
     * @param notes      the notes and 7th-character definitions by code
     */
    record Contents(List<TermEntry> inclusions, List<TabularNote> notes) {
    }

    private TabularXml() {
    }

    static Contents read(Path file) {
        List<TermEntry> inclusions = new ArrayList<>();
        List<TabularNote> notes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = IndexXml.safeFactory().createXMLStreamReader(in);
            List<String> codes = new ArrayList<>();
            String block = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    String code = codes.isEmpty() ? "" : codes.get(codes.size() - 1);
                    switch (name) {
                        case "diag" -> codes.add("");
                        case "name" -> {
                            if (!codes.isEmpty() && code.isEmpty()) {
                                codes.set(codes.size() - 1, r.getElementText().strip());
                            }
                        }
                        case "inclusionTerm", "sevenChrDef" -> block = name;
                        case "extension" -> {
                            if (!code.isEmpty() && "sevenChrDef".equals(block)) {
                                String character = r.getAttributeValue(null, "char");
                                notes.add(new TabularNote(code, TabularNote.SEVENTH + character,
                                        clean(r.getElementText())));
                            }
                        }
                        case "note" -> {
                            if (code.isEmpty() || block == null) {
                                break;
                            }
                            String text = clean(r.getElementText());
                            if (block.equals("inclusionTerm")) {
                                inclusions.add(TermEntry.of(CodeWords.of(IndexEntries.stripNec(text)), 0, List.of(),
                                        code, TermSource.INCLUSION));
                            } else if (KINDS.contains(block)) {
                                notes.add(new TabularNote(code, block, text));
                            }
                        }
                        default -> {
                            if (KINDS.contains(name)) {
                                block = name;
                            }
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("diag")) {
                        codes.remove(codes.size() - 1);
                    } else if (name.equals(block)) {
                        block = null;
                    }
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new ConfigurationException("cannot read the ICD-10-CM tabular XML " + file + ": " + e.getMessage(),
                    e);
        }
        return new Contents(inclusions, notes);
    }

    private static String clean(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
