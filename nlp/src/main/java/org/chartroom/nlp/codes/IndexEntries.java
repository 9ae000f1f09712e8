package org.chartroom.nlp.codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chartroom.nlp.rules.RuleLine;

/**
 * Turns the rows of the Alphabetic Index and of its tables into term entries. An index path that ends in a code
 * gives an entry whose required words are the main term and subterms and whose optional words are the nonessential
 * modifiers; a "see" or "see also" reference gives a cross-reference entry whose implied words are those of its
 * target ({@code see category M01} gives the category itself). A table row gives one entry per column with a code:
 * the Neoplasm Table's behaviour words with the site path, the Table of Drugs' substance with the event words.
 */
final class IndexEntries {
    /** A reference to "condition" tells the coder to look up the condition: it names nothing. */
    private static final Set<String> GENERIC_REFERENCE = Set.copyOf(CodeWords.of("condition specific also"));
    private static final Pattern CATEGORY = Pattern.compile("(?i)\\b(?:sub)?category\\s+([A-Z][0-9][0-9A-Z.]*)-?");
    private static final Pattern SEE_IN_NEMOD = Pattern.compile("(?i)\\(\\s*see(?:\\s+also)?\\s+([^)]*)\\)");
    /** Words of a reference that name where to look, not the condition: "Neoplasm, by site, malignant". */
    private static final Pattern BY = Pattern.compile("(?i)\\b(by (site|drug)|table of drugs and chemicals)\\b");

    private IndexEntries() {
    }

    /** The entries of the Alphabetic Index. */
    static List<TermEntry> ofIndex(List<IndexRow> rows) {
        List<TermEntry> out = new ArrayList<>(rows.size() + rows.size() / 4);
        List<List<String>> requiredStack = new ArrayList<>();
        List<List<String>> optionalStack = new ArrayList<>();
        int head = 0;
        for (IndexRow row : rows) {
            trim(requiredStack, row.level());
            trim(optionalStack, row.level());
            List<String> seeAlso = new ArrayList<>(List.of(row.seeAlso()));
            Matcher inNemod = SEE_IN_NEMOD.matcher(row.nemod());
            while (inNemod.find()) {
                seeAlso.add(inNemod.group(1));
            }
            List<String> required = new ArrayList<>();
            List<String> optional = new ArrayList<>(CodeWords.of(SEE_IN_NEMOD.matcher(row.nemod()).replaceAll(" ")));
            if (row.level() == 0) {
                // "Hernia, hernial": the words after the comma are forms of the main term (optional);
                // "Fracture, pathological": they name a kind of it (required, counted as subterm words).
                int comma = row.title().indexOf(',');
                List<String> main = CodeWords.of(comma < 0 ? row.title() : row.title().substring(0, comma));
                required.addAll(main);
                if (comma >= 0) {
                    for (String w : CodeWords.of(stripNec(row.title().substring(comma + 1)))) {
                        (isFormOf(w, main) ? optional : required).add(w);
                    }
                }
                head = main.size();
            } else {
                required.addAll(CodeWords.of(stripNec(row.title())));
            }
            requiredStack.add(required);
            optionalStack.add(optional);
            List<String> path = flatten(requiredStack);
            List<String> modifiers = flatten(optionalStack);
            // A subterm of no words of its own ("in" whose words were lost in a flattening, "NEC") says nothing its
            // parent does not: its code is left to the tabular description.
            if (!row.code().isEmpty() && (row.level() == 0 || !required.isEmpty())) {
                out.add(TermEntry.of(path, head, modifiers, row.code(), TermSource.INDEX));
            }
            reference(row.see(), TermSource.SEE, path, head, modifiers, out);
            for (String reference : seeAlso) {
                reference(reference, TermSource.SEE_ALSO, path, head, modifiers, out);
            }
        }
        return out;
    }

    private static void reference(String reference, TermSource kind, List<String> path, int head,
                                  List<String> modifiers, List<TermEntry> out) {
        if (reference.isBlank()) {
            return;
        }
        Matcher category = CATEGORY.matcher(reference);
        if (category.find()) {
            out.add(TermEntry.of(path, head, modifiers, category.group(1), kind));
            return;
        }
        List<String> target = CodeWords.of(stripNec(BY.matcher(reference).replaceAll(" ")));
        if (!target.isEmpty() && !GENERIC_REFERENCE.containsAll(target)) {
            out.add(new TermEntry(path, head, modifiers, target, "", kind));
        }
    }

    /** The kind of an index table, which decides what names the condition in its entries. */
    enum Table {
        /** The columns (behaviours) name the condition; the rows are sites. */
        NEOPLASM(TermSource.NEOPLASM),
        /** The rows (substances) name the condition; the columns are events (poisoning, adverse effect). */
        DRUG(TermSource.DRUG);

        final TermSource source;

        Table(TermSource source) {
            this.source = source;
        }
    }

    /**
     * The entries of an index table.
     *
     * @param headings the file's column headings from the second column on
     * @param columns  the lines of {@code code-table-columns.tsv}
     */
    static List<TermEntry> ofTable(Table table, List<String> headings, List<IndexRow> rows,
                                   List<RuleLine> columns) {
        List<List<String>> stated = new ArrayList<>();
        List<List<String>> mayState = new ArrayList<>();
        for (String heading : headings) {
            RuleLine line = columns.stream()
                    .filter(l -> l.field(0).equalsIgnoreCase(table.name())
                            && l.field(1).equalsIgnoreCase(heading.strip()))
                    .findFirst().orElse(null);
            stated.add(line == null ? List.of() : CodeWords.of(line.field(2)));
            mayState.add(line == null ? List.of() : CodeWords.of(line.field(3)));
        }
        List<TermEntry> out = new ArrayList<>();
        List<List<String>> requiredStack = new ArrayList<>();
        List<List<String>> optionalStack = new ArrayList<>();
        for (IndexRow row : rows) {
            trim(requiredStack, row.level());
            trim(optionalStack, row.level());
            // The Neoplasm Table's main term is "Neoplasm, neoplastic" itself: its words come from the column.
            boolean generic = table == Table.NEOPLASM && row.level() == 0;
            requiredStack.add(generic ? List.of() : CodeWords.of(stripNec(row.title())));
            optionalStack.add(CodeWords.of(row.nemod()));
            List<String> rowWords = flatten(requiredStack);
            for (int c = 0; c < row.cells().size() && c < stated.size(); c++) {
                String code = row.cells().get(c).strip();
                if (code.isEmpty() || code.equals("-") || code.equals("--") || stated.get(c).isEmpty()) {
                    continue;
                }
                List<String> required = new ArrayList<>();
                int head;
                if (table == Table.NEOPLASM) {
                    required.addAll(stated.get(c));
                    head = required.size();
                    required.addAll(rowWords);
                } else {
                    required.addAll(rowWords);
                    head = requiredStack.get(0).size();
                    required.addAll(stated.get(c));
                }
                List<String> optional = new ArrayList<>(flatten(optionalStack));
                optional.addAll(mayState.get(c));
                out.add(TermEntry.of(required, head, optional, code, table.source));
            }
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
    static String stripNec(String title) {
        return title.replaceAll("\\b(NEC|NOS)\\b", " ");
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

}
