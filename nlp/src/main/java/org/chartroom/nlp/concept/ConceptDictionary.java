package org.chartroom.nlp.concept;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.codes.CodeWords;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * The phrases that name a condition, as normalised word sequences ({@link CodeWords}): written into the code index
 * folder by the import (one phrase per line) and read back at start, plus the abbreviations of the synonym resource.
 * Immutable.
 */
public final class ConceptDictionary {
    /** The file name inside the code index folder. */
    public static final String FILE = "concept-terms.txt";
    /** Phrases longer than this are not looked up. */
    static final int LONGEST = 4;

    private final Set<List<String>> phrases;

    public ConceptDictionary(Set<List<String>> phrases) {
        this.phrases = Set.copyOf(phrases);
    }

    /** Writes main terms (the condition names, as normalised words) to the code index folder. */
    public static void write(Path folder, Iterable<List<String>> terms) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8)) {
            Set<String> seen = new HashSet<>();
            for (List<String> words : terms) {
                String line = String.join(" ", words);
                if (!words.isEmpty() && words.size() <= LONGEST && seen.add(line)) {
                    w.write(line);
                    w.write('\n');
                }
            }
        }
    }

    /**
     * The dictionary of the code index folder plus the abbreviations of the synonym lines, less the one-word main
     * terms that are coding headings rather than conditions ("History", "Status": the {@code generic} lines of
     * {@code concept-phrase-words.tsv}).
     */
    public static ConceptDictionary read(Path folder, List<RuleLine> synonyms) {
        Set<String> generic = new HashSet<>();
        for (RuleLine line : RuleFile.readResource(ConceptFinder.WORDS)) {
            if (line.field(0).equals("generic")) {
                generic.addAll(CodeWords.of(line.field(1)));
            }
        }
        Set<List<String>> phrases = abbreviationsOf(synonyms);
        Path file = folder.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank() && !generic.contains(line)) {
                        phrases.add(List.of(line.split(" ")));
                    }
                }
            } catch (IOException e) {
                throw new ConfigurationException("cannot read the concept dictionary " + file
                        + "; rebuild the code index with 'chartroom codes import'", e);
            }
        }
        return new ConceptDictionary(phrases);
    }

    /** The dictionary of the built-in abbreviations only (no code index). */
    public static ConceptDictionary abbreviations() {
        return new ConceptDictionary(abbreviationsOf(RuleFile.readResource("code-synonyms.tsv")));
    }

    private static Set<List<String>> abbreviationsOf(List<RuleLine> synonyms) {
        Set<List<String>> phrases = new HashSet<>();
        for (RuleLine line : synonyms) {
            // Replacement lines are the abbreviations; "also" and "implies" lines name no condition.
            if (line.field(2).isEmpty()) {
                List<String> words = CodeWords.of(line.field(0));
                if (!words.isEmpty() && words.size() <= LONGEST) {
                    phrases.add(words);
                }
            }
        }
        return phrases;
    }

    boolean contains(List<String> words) {
        return phrases.contains(words);
    }

    public int size() {
        return phrases.size();
    }
}
