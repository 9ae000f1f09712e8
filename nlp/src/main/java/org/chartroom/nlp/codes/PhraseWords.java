package org.chartroom.nlp.codes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.chartroom.nlp.rules.RuleLine;

/**
 * Turns a coder's phrase into the words the code index compares, the way a coder reads it before opening the
 * index: written forms rewritten ({@code code-phrase-patterns.tsv}: "NOS" is "unspecified", "L4-5" is lumbar),
 * what the phrase negates set apart ("migraine without aura"), abbreviations and synonyms replaced and alternative
 * index words added ({@code code-synonyms.tsv}: "HTN", "renal" for kidney), a compound the index writes apart
 * split ("blowout"), and words the index writes together joined ("gastro-esophageal"). Immutable and thread-safe.
 */
final class PhraseWords {
    /**
     * One word of the phrase, the index words that may stand for it, and the index words it implies without naming
     * them ("left" implies "unilateral": a code's description may say so at no cost, but it explains nothing).
     */
    record Word(String word, Set<String> alternatives, Set<String> implies, boolean negated) {
    }

    private final List<Map.Entry<Pattern, String>> patterns;
    private final Map<List<String>, List<String>> synonyms;
    private final Map<String, Set<String>> alternatives;
    private final Map<String, Set<String>> implies;
    private final int longestSynonym;
    private final TermTable vocabulary;

    /**
     * @param patterns    lines {@code regex<TAB>replacement} applied to the phrase in order (case-insensitive)
     * @param synonyms    lines {@code written<TAB>index words[<TAB>also|implies]}: replaced, or with {@code also}
     *                    kept and given the index words as alternatives, or with {@code implies} kept and taken to
     *                    imply them
     */
    PhraseWords(List<RuleLine> patterns, List<RuleLine> synonyms, TermTable vocabulary) {
        this.vocabulary = vocabulary;
        List<Map.Entry<Pattern, String>> p = new ArrayList<>();
        for (RuleLine line : patterns) {
            p.add(Map.entry(Pattern.compile(line.field(0), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    line.field(1)));
        }
        this.patterns = List.copyOf(p);
        Map<List<String>, List<String>> map = new HashMap<>();
        Map<String, Set<String>> also = new HashMap<>();
        Map<String, Set<String>> implied = new HashMap<>();
        int longest = 1;
        for (RuleLine line : synonyms) {
            List<String> from = CodeWords.of(line.field(0));
            if (line.field(2).equals("also") && from.size() == 1) {
                also.computeIfAbsent(from.get(0), k -> new LinkedHashSet<>()).addAll(CodeWords.of(line.field(1)));
            } else if (line.field(2).equals("implies") && from.size() == 1) {
                implied.computeIfAbsent(from.get(0), k -> new LinkedHashSet<>()).addAll(CodeWords.of(line.field(1)));
            } else if (!from.isEmpty()) {
                map.put(from, CodeWords.of(line.field(1)));
                longest = Math.max(longest, from.size());
            }
        }
        this.synonyms = Map.copyOf(map);
        this.alternatives = Map.copyOf(also);
        this.implies = Map.copyOf(implied);
        this.longestSynonym = longest;
    }

    /** The words of {@code phrase}, each once, stated before negated. */
    List<Word> of(String phrase) {
        String text = phrase;
        for (Map.Entry<Pattern, String> p : patterns) {
            text = p.getKey().matcher(text).replaceAll(p.getValue());
        }
        DescriptionWords split = DescriptionWords.of(text);
        Map<String, Word> out = new LinkedHashMap<>();
        add(out, split.stated(), false);
        add(out, split.negated(), true);
        return List.copyOf(out.values());
    }

    private void add(Map<String, Word> out, Set<String> words, boolean negated) {
        List<String> expanded = expand(compounds(new ArrayList<>(words)));
        for (int i = 0; i < expanded.size(); i++) {
            String w = expanded.get(i);
            Set<String> alts = new LinkedHashSet<>(alternatives.getOrDefault(w, Set.of()));
            // Words the index writes as one ("gastroesophageal") when the phrase wrote two.
            if (i + 1 < expanded.size()) {
                joined(w, expanded.get(i + 1)).ifPresent(alts::add);
            }
            if (i > 0) {
                joined(expanded.get(i - 1), w).ifPresent(alts::add);
            }
            out.putIfAbsent(w, new Word(w, Set.copyOf(alts), implies.getOrDefault(w, Set.of()), negated));
        }
    }

    private java.util.Optional<String> joined(String a, String b) {
        List<String> one = CodeWords.of(a + b);
        return one.size() == 1 && vocabulary.id(one.get(0)) != TermTable.UNKNOWN
                ? java.util.Optional.of(one.get(0)) : java.util.Optional.empty();
    }

    /** A word the index does not know, that is two words it does ("blowout"), becomes those two. */
    private List<String> compounds(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            String[] parts = vocabulary.id(w) == TermTable.UNKNOWN ? split(w) : null;
            if (parts == null) {
                out.add(w);
            } else {
                out.add(parts[0]);
                out.add(parts[1]);
            }
        }
        return out;
    }

    private String[] split(String word) {
        for (int i = 3; i <= word.length() - 3; i++) {
            List<String> left = CodeWords.of(word.substring(0, i));
            List<String> right = CodeWords.of(word.substring(i));
            if (left.size() == 1 && right.size() == 1 && vocabulary.id(left.get(0)) != TermTable.UNKNOWN
                    && vocabulary.id(right.get(0)) != TermTable.UNKNOWN) {
                return new String[] {left.get(0), right.get(0)};
            }
        }
        return null;
    }

    /** The words with abbreviations and synonyms replaced, longest match first. */
    List<String> expand(List<String> words) {
        List<String> out = new ArrayList<>(words.size() + 4);
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int n = Math.min(longestSynonym, words.size() - i); n >= 1 && matched == 0; n--) {
                List<String> replacement = synonyms.get(words.subList(i, i + n));
                if (replacement != null) {
                    out.addAll(replacement);
                    matched = n;
                }
            }
            if (matched == 0) {
                out.add(words.get(i));
                i++;
            } else {
                i += matched;
            }
        }
        return out;
    }
}
