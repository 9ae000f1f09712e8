package org.chartroom.nlp.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.eval.QuotedCsvReader;

/**
 * The files of an ICD-10-CM release folder, read into code lines and term entries. Files are found by name anywhere
 * under the folder: the order file {@code icd10cm-order-YYYY.txt} (required; codes, billable flags, descriptions),
 * the Alphabetic Index flattened to CSV ({@code *Index.csv}: {@code RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,
 * Code}), the Neoplasm Table CSV ({@code *neoplasms.csv}) and the Tabular List XML ({@code icd10cm_tabular_*.xml},
 * for inclusion terms). The newest year of each wins.
 */
public final class Icd10cmRelease {
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

    /** Alphabetic Index paths that lead to a code, plus the "see" references they resolve to. */
    List<TermEntry> indexTerms() {
        Optional<Path> csv = find(name -> name.endsWith("index.csv"));
        if (csv.isEmpty()) {
            return List.of();
        }
        List<TermEntry> out = new ArrayList<>(70_000);
        Map<String, String> codeByPath = new HashMap<>();
        List<String[]> sees = new ArrayList<>();
        List<List<String>> requiredStack = new ArrayList<>();
        List<List<String>> optionalStack = new ArrayList<>();
        List<String> titleStack = new ArrayList<>();
        List<Integer> headSizes = new ArrayList<>();
        try (QuotedCsvReader in = new QuotedCsvReader(Files.newBufferedReader(csv.get(), StandardCharsets.UTF_8))) {
            in.next(); // header
            Optional<List<String>> row;
            while ((row = in.next()).isPresent()) {
                List<String> f = row.get();
                if (f.size() < 8) {
                    continue;
                }
                int level = Integer.parseInt(f.get(2).strip());
                String title = f.get(3).strip();
                trim(requiredStack, level);
                trim(optionalStack, level);
                trim(titleStack, level);
                trim(headSizes, level == 0 ? 0 : 1);
                List<String> req = new ArrayList<>();
                List<String> opt = new ArrayList<>(CodeWords.of(f.get(6)));
                if (level == 0) {
                    // "Hernia, hernial": the words after the comma are forms of the main term (optional);
                    // "Fracture, pathological": they name a kind of it (required, counted as subterm words).
                    int comma = title.indexOf(',');
                    List<String> head = CodeWords.of(comma < 0 ? title : title.substring(0, comma));
                    req.addAll(head);
                    if (comma >= 0) {
                        for (String w : CodeWords.of(title.substring(comma + 1))) {
                            (isFormOf(w, head) ? opt : req).add(w);
                        }
                    }
                    headSizes.add(head.size());
                } else {
                    req.addAll(CodeWords.of(stripNec(title)));
                }
                requiredStack.add(req);
                optionalStack.add(opt);
                titleStack.add(title.toLowerCase(Locale.ROOT));
                String code = f.get(7).strip();
                String path = String.join(", ", titleStack);
                if (!code.isEmpty()) {
                    out.add(TermEntry.of(flatten(requiredStack), headSizes.get(0), flatten(optionalStack),
                            code, TermSource.INDEX));
                    codeByPath.putIfAbsent(path, code);
                } else if (!f.get(4).isBlank()) {
                    sees.add(new String[] {String.join(" ", flatten(requiredStack)),
                            String.valueOf(headSizes.get(0)),
                            String.join(" ", flatten(optionalStack)), f.get(4).strip().toLowerCase(Locale.ROOT)});
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("cannot read the ICD-10-CM index CSV " + csv.get() + ": "
                    + e.getMessage(), e);
        }
        for (String[] see : sees) {
            String code = codeByPath.get(see[3]);
            if (code != null) {
                out.add(TermEntry.of(words(see[0]), Integer.parseInt(see[1]), words(see[2]), code, TermSource.SEE));
            }
        }
        return out;
    }

    /** Neoplasm Table rows: the site path with "malignant", "secondary", "in situ", "benign" and so on. */
    List<TermEntry> neoplasmTerms() {
        Optional<Path> csv = find(name -> name.endsWith("neoplasms.csv"));
        if (csv.isEmpty()) {
            return List.of();
        }
        String[] behaviours = {"malignant neoplasm", "secondary malignant neoplasm", "carcinoma in situ",
            "benign neoplasm", "neoplasm uncertain behavior", "neoplasm unspecified behavior"};
        List<TermEntry> out = new ArrayList<>();
        List<List<String>> requiredStack = new ArrayList<>();
        List<List<String>> optionalStack = new ArrayList<>();
        try (QuotedCsvReader in = new QuotedCsvReader(Files.newBufferedReader(csv.get(), StandardCharsets.UTF_8))) {
            in.next();
            Optional<List<String>> row;
            while ((row = in.next()).isPresent()) {
                List<String> f = row.get();
                if (f.size() < 11) {
                    continue;
                }
                int level = Integer.parseInt(f.get(1).strip());
                trim(requiredStack, level);
                trim(optionalStack, level);
                requiredStack.add(level == 0 ? List.of() : CodeWords.of(stripNec(f.get(2))));
                optionalStack.add(CodeWords.of(f.get(4)));
                for (int b = 0; b < behaviours.length; b++) {
                    String code = f.get(5 + b).strip();
                    if (!code.isEmpty()) {
                        List<String> req = new ArrayList<>(CodeWords.of(behaviours[b]));
                        int head = req.size();
                        req.addAll(flatten(requiredStack));
                        out.add(TermEntry.of(req, head, flatten(optionalStack), code, TermSource.NEOPLASM));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("cannot read the ICD-10-CM neoplasm CSV " + csv.get() + ": "
                    + e.getMessage(), e);
        }
        return out;
    }

    /** Tabular inclusion terms ({@code <inclusionTerm><note>}) under their code. */
    List<TermEntry> inclusionTerms() {
        Optional<Path> xml = find(name -> name.startsWith("icd10cm_tabular_") && name.endsWith(".xml"));
        if (xml.isEmpty()) {
            return List.of();
        }
        List<TermEntry> out = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(xml.get())) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            List<String> codes = new ArrayList<>();
            boolean inDiagName = false;
            boolean inInclusion = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("diag")) {
                        codes.add("");
                    } else if (name.equals("name") && !codes.isEmpty() && codes.get(codes.size() - 1).isEmpty()) {
                        inDiagName = true;
                    } else if (name.equals("inclusionTerm")) {
                        inInclusion = true;
                    } else if (name.equals("note") && inInclusion && !codes.isEmpty()) {
                        String note = r.getElementText();
                        out.add(TermEntry.of(CodeWords.of(stripNec(note)), 0, List.of(),
                                codes.get(codes.size() - 1), TermSource.INCLUSION));
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS && inDiagName) {
                    codes.set(codes.size() - 1, codes.get(codes.size() - 1) + r.getText().strip());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("diag")) {
                        codes.remove(codes.size() - 1);
                    } else if (name.equals("name")) {
                        inDiagName = false;
                    } else if (name.equals("inclusionTerm")) {
                        inInclusion = false;
                    }
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new ConfigurationException("cannot read the ICD-10-CM tabular XML " + xml.get() + ": "
                    + e.getMessage(), e);
        }
        return out;
    }

    private static boolean isFormOf(String word, List<String> head) {
        for (String h : head) {
            int n = Math.min(4, Math.min(h.length(), word.length()));
            if (n >= 3 && h.regionMatches(0, word, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** "NEC" (not elsewhere classified) and "NOS" are coding conventions, not words of the condition. */
    private static String stripNec(String title) {
        return title.replaceAll("\\b(NEC|NOS)\\b", " ");
    }

    private static List<String> words(String joined) {
        return joined.isBlank() ? List.of() : List.of(joined.split(" "));
    }

    private static <T> void trim(List<T> stack, int level) {
        while (stack.size() > level) {
            stack.remove(stack.size() - 1);
        }
    }

    private static List<String> flatten(List<List<String>> stack) {
        List<String> out = new ArrayList<>();
        stack.forEach(out::addAll);
        return out;
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
