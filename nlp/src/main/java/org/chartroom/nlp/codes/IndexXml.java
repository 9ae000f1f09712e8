package org.chartroom.nlp.codes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.chartroom.core.error.ConfigurationException;

/**
 * Reads a CDC index file in the ICD-10-CM index XML format (the Alphabetic Index, the Neoplasm Table, the Table of
 * Drugs and Chemicals): {@code mainTerm} and nested {@code term} elements, each with a {@code title} (its
 * nonessential modifiers in {@code nemod}), and a {@code code}, a {@code see} or {@code seeAlso} reference, or
 * table {@code cell}s by column. DTDs and external entities are refused.
 */
final class IndexXml {
    /**
     * What the file holds.
     *
     * @param headings the table's column headings from the second column on ("Malignant Primary", …); empty for
     *                 the Alphabetic Index
     * @param rows     the terms in document order
     */
    record Contents(List<String> headings, List<IndexRow> rows) {
    }

    private IndexXml() {
    }

    /** A StAX factory for the release's XML files that refuses DTDs and external entities. */
    static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    static Contents read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = safeFactory().createXMLStreamReader(in);
            Map<Integer, String> headings = new TreeMap<>();
            List<IndexRow> rows = new ArrayList<>();
            Term current = null;
            int depth = -1;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "head" -> {
                            int col = column(r);
                            String text = r.getElementText().strip();
                            if (col > 1) {
                                headings.put(col, text);
                            }
                        }
                        case "mainTerm", "term" -> {
                            if (current != null) {
                                rows.add(current.row());
                            }
                            depth = r.getLocalName().equals("mainTerm") ? 0 : level(r);
                            current = new Term(depth);
                        }
                        case "title" -> {
                            if (current != null) {
                                readTitle(r, current);
                            }
                        }
                        case "code" -> {
                            if (current != null && current.code.isEmpty()) {
                                current.code = r.getElementText().strip();
                            }
                        }
                        case "see" -> {
                            if (current != null) {
                                current.see = r.getElementText().strip();
                            }
                        }
                        case "seeAlso" -> {
                            if (current != null) {
                                current.seeAlso = r.getElementText().strip();
                            }
                        }
                        case "cell" -> {
                            if (current != null) {
                                int col = column(r);
                                String text = r.getElementText().strip();
                                while (current.cells.size() < col - 1) {
                                    current.cells.add("");
                                }
                                if (col >= 2) {
                                    current.cells.set(col - 2, text);
                                }
                            }
                        }
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT
                        && (r.getLocalName().equals("mainTerm") || r.getLocalName().equals("term"))) {
                    if (current != null) {
                        rows.add(current.row());
                        current = null;
                    }
                }
            }
            return new Contents(List.copyOf(headings.values()), rows);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new ConfigurationException("cannot read the ICD-10-CM index file " + file + ": " + e.getMessage(),
                    e);
        }
    }

    /** A term being read; written out when its first child term starts or when it ends. */
    private static final class Term {
        final int level;
        final StringBuilder title = new StringBuilder();
        final StringBuilder nemod = new StringBuilder();
        String see = "";
        String seeAlso = "";
        String code = "";
        final List<String> cells = new ArrayList<>();

        Term(int level) {
            this.level = level;
        }

        IndexRow row() {
            return new IndexRow(level, title.toString().strip().replaceAll("\\s+", " "),
                    nemod.toString().strip(), see, seeAlso, code, cells);
        }
    }

    /** A title's own text, and the text of its {@code nemod} child apart. */
    private static void readTitle(XMLStreamReader r, Term term) throws XMLStreamException {
        int nesting = 1;
        boolean inNemod = false;
        while (nesting > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                nesting++;
                inNemod |= r.getLocalName().equals("nemod");
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                nesting--;
                if (r.getLocalName().equals("nemod")) {
                    inNemod = false;
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                (inNemod ? term.nemod : term.title).append(r.getText());
            }
        }
    }

    private static int level(XMLStreamReader r) {
        String level = r.getAttributeValue(null, "level");
        return level == null ? 1 : Integer.parseInt(level.strip());
    }

    private static int column(XMLStreamReader r) {
        String col = r.getAttributeValue(null, "col");
        return col == null ? 0 : Integer.parseInt(col.strip());
    }
}
