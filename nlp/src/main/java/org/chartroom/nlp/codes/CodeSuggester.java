package org.chartroom.nlp.codes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * Ranks billable ICD-10-CM codes for a phrase, as an encoder does for a coder. The phrase's words (clinical
 * abbreviations and synonyms expanded by the resource {@code code-synonyms.tsv}) fetch candidate term entries from
 * the {@link CodeIndex}; each entry's code is resolved to billable codes (itself, or the billable descendants of a
 * header or a code ending in {@code -}); each pair is scored by how much of the phrase it explains, less the index
 * words the phrase lacks and the description words it does not state (laterality, acuity, episode of care), with a
 * small preference for the default ("unspecified", "initial encounter", "closed") when the phrase is silent.
 * Thread-safe.
 */
public final class CodeSuggester {
    /** The built-in synonym resource, relative to {@code org/chartroom/nlp/}. */
    public static final String SYNONYMS = "code-synonyms.tsv";
    private static final int CANDIDATES = 300;
    private static final int RESOLVED = 40;
    private static final double HEAD_MISSING = 0.3;
    static final boolean DEBUG = Boolean.getBoolean("chartroom.codes.debug");
    private static final Set<String> DEFAULTS = new HashSet<>(CodeWords.of(
            "unspecified initial encounter closed fracture site type"));
    private static final Map<String, Double> SOURCE_BONUS = Map.of("index", 0.03, "see", 0.02, "inclusion", 0.02,
            "neoplasm", 0.01, "description", 0.0);

    private final CodeIndex index;
    private final Map<List<String>, List<String>> synonyms;
    private final Map<String, List<String>> alternatives;
    private final int longestSynonym;
    private final Map<String, DescriptionWords> descriptionWords = new ConcurrentHashMap<>();

    public CodeSuggester(CodeIndex index) {
        this(index, RuleFile.readResource(SYNONYMS));
    }

    public CodeSuggester(CodeIndex index, List<RuleLine> synonymLines) {
        this.index = index;
        Map<List<String>, List<String>> map = new HashMap<>();
        Map<String, List<String>> also = new HashMap<>();
        int longest = 1;
        for (RuleLine line : synonymLines) {
            List<String> from = CodeWords.of(line.field(0));
            if (line.field(2).equals("also") && from.size() == 1) {
                also.computeIfAbsent(from.get(0), k -> new ArrayList<>()).addAll(CodeWords.of(line.field(1)));
            } else if (!from.isEmpty()) {
                map.put(from, CodeWords.of(line.field(1)));
                longest = Math.max(longest, from.size());
            }
        }
        this.synonyms = Map.copyOf(map);
        this.alternatives = Map.copyOf(also);
        this.longestSynonym = longest;
    }

    /** The words of a description: those it states, and those it only negates ("without obstruction"). */
    record DescriptionWords(Set<String> stated, Set<String> negated) {
    }

    /** A candidate entry scored by its own words ({@code bound}), before its code is resolved. */
    private record ScoredEntry(TermEntry entry, Set<String> words, double base, double bound) {
    }

    /** One word of the phrase: the word and the index words that may stand for it, weighed by how telling it is. */
    private record Slot(Set<String> words, double weight) {
        boolean in(Set<String> explained) {
            for (String w : words) {
                if (explained.contains(w)) {
                    return true;
                }
            }
            return false;
        }

        boolean in(Set<String> some, Set<String> others) {
            return in(some) || in(others);
        }
    }

    /** The best {@code limit} billable codes for {@code phrase}, best first; empty when nothing fits. */
    public List<CodeSuggestion> suggest(String phrase, int limit) {
        List<String> query = expand(CodeWords.of(phrase));
        if (query.isEmpty()) {
            return List.of();
        }
        List<Slot> slots = new ArrayList<>();
        Set<String> q = new HashSet<>();
        double total = 0;
        for (String w : new java.util.LinkedHashSet<>(query)) {
            Set<String> words = new HashSet<>();
            words.add(w);
            words.addAll(alternatives.getOrDefault(w, List.of()));
            double weight = words.stream().mapToDouble(index::weight).max().orElse(1.0);
            slots.add(new Slot(words, weight));
            q.addAll(words);
            total += weight;
        }
        List<String> searchWords = new ArrayList<>(q);
        // Stage 1: score each candidate entry by its own words; only the best entries are resolved to codes.
        List<ScoredEntry> entries = new ArrayList<>();
        for (TermEntry e : index.candidates(searchWords, CANDIDATES)) {
            Set<String> entryWords = new HashSet<>(e.required());
            entryWords.addAll(e.optional());
            double covered = 0;
            for (Slot slot : slots) {
                covered += slot.in(entryWords) ? slot.weight() : 0;
            }
            double missing = 0;
            boolean headMissing = false;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < e.required().size(); i++) {
                String w = e.required().get(i);
                if (seen.add(w) && !q.contains(w) && !DEFAULTS.contains(w)) {
                    missing += index.weight(w);
                    headMissing |= i < e.head();
                }
            }
            // An entry whose main term the phrase does not name is about another condition ("Fracture, fatigue").
            double base = -0.5 * missing / total - (headMissing ? HEAD_MISSING : 0)
                    + SOURCE_BONUS.getOrDefault(e.source(), 0.0);
            entries.add(new ScoredEntry(e, entryWords, base, covered / total + base));
        }
        entries.sort(Comparator.comparingDouble(ScoredEntry::bound).reversed());
        // Stage 2: resolve the best entries to billable codes and score each by what its description adds.
        Map<String, Double> best = new HashMap<>();
        Map<String, List<CodeEntry>> resolved = new HashMap<>();
        for (ScoredEntry se : entries.subList(0, Math.min(RESOLVED, entries.size()))) {
            TermEntry e = se.entry();
            Set<String> entryWords = se.words();
            double base = se.base();
            String code = e.code().endsWith("-") ? e.code().substring(0, e.code().length() - 1) : e.code();
            if (code.endsWith(".")) {
                code = code.substring(0, code.length() - 1);
            }
            List<CodeEntry> billable = resolved.computeIfAbsent(code, this::resolve);
            // An index entry that names a billable code vouches for it: its description's other words are no
            // penalty. They matter only when choosing among a header's descendants.
            boolean direct = billable.size() == 1 && billable.get(0).code().equals(code);
            for (CodeEntry c : billable) {
                DescriptionWords d = wordsOf(c);
                double covered = 0;
                double contradicted = 0;
                for (Slot slot : slots) {
                    if (slot.in(d.negated()) && !slot.in(d.stated())) {
                        contradicted += slot.weight();
                    } else if (slot.in(entryWords, d.stated())) {
                        covered += slot.weight();
                    }
                }
                double extra = 0;
                int defaults = 0;
                for (String w : d.stated()) {
                    if (DEFAULTS.contains(w)) {
                        defaults += q.contains(w) ? 0 : 1;
                    } else if (!direct && !q.contains(w) && !entryWords.contains(w)) {
                        extra += index.weight(w);
                    }
                }
                double score = (covered - 0.3 * contradicted - 0.15 * extra) / total + base
                        + 0.01 * Math.min(defaults, 3);
                if (DEBUG && score > 0.3) {
                    System.err.printf("%.3f %s <- %s %s|%s cov=%.2f/%.2f extra=%.2f%n", score, c.code(),
                            e.source(), e.required(), e.optional(), covered, total, extra);
                }
                best.merge(c.code(), score, Math::max);
            }
        }
        // One 7th-character variant per code: the list shows different conditions, not episodes of one.
        Set<String> shown = new HashSet<>();
        return best.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .filter(en -> shown.add(en.getKey().length() == 8 ? en.getKey().substring(0, 7) : en.getKey()))
                .limit(limit)
                .map(en -> new CodeSuggestion(en.getKey(), index.code(en.getKey()).description(),
                        Math.round(en.getValue() * 1000) / 1000.0, List.of()))
                .toList();
    }

    /** A billable code as is; a header or a dashed code as its billable descendants. */
    private List<CodeEntry> resolve(String code) {
        CodeEntry c = index.code(code);
        if (c != null && c.billable()) {
            return List.of(c);
        }
        return index.billableUnder(code);
    }

    private DescriptionWords wordsOf(CodeEntry c) {
        return descriptionWords.computeIfAbsent(c.code(), k -> split(c.description()));
    }

    /** Words after "without", "not" or "no" up to the next comma are negated by the description. */
    static DescriptionWords split(String description) {
        Set<String> stated = new HashSet<>();
        Set<String> negated = new HashSet<>();
        for (String clause : description.toLowerCase(Locale.ROOT).split("[,;]")) {
            String[] parts = clause.split("\\b(without|not|no)\\b", 2);
            stated.addAll(CodeWords.of(parts[0]));
            if (parts.length > 1) {
                negated.addAll(CodeWords.of(parts[1]));
            }
        }
        return new DescriptionWords(stated, negated);
    }

    /** The phrase words with abbreviations and synonyms replaced, longest match first. */
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

    public CodeIndex index() {
        return index;
    }

    static Comparator<CodeSuggestion> byScore() {
        return Comparator.comparingDouble(CodeSuggestion::score).reversed();
    }
}
