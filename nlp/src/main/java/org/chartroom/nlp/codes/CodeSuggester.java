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
    private static final int CANDIDATES = 400;
    private static final Set<String> DEFAULTS = new HashSet<>(CodeWords.of(
            "unspecified initial encounter closed fracture site type"));
    private static final Map<String, Double> SOURCE_BONUS = Map.of("index", 0.03, "see", 0.02, "inclusion", 0.02,
            "neoplasm", 0.01, "description", 0.0);

    private final CodeIndex index;
    private final Map<List<String>, List<String>> synonyms;
    private final int longestSynonym;
    private final Map<String, DescriptionWords> descriptionWords = new ConcurrentHashMap<>();

    public CodeSuggester(CodeIndex index) {
        this(index, RuleFile.readResource(SYNONYMS));
    }

    public CodeSuggester(CodeIndex index, List<RuleLine> synonymLines) {
        this.index = index;
        Map<List<String>, List<String>> map = new HashMap<>();
        int longest = 1;
        for (RuleLine line : synonymLines) {
            List<String> from = CodeWords.of(line.field(0));
            if (!from.isEmpty()) {
                map.put(from, CodeWords.of(line.field(1)));
                longest = Math.max(longest, from.size());
            }
        }
        this.synonyms = Map.copyOf(map);
        this.longestSynonym = longest;
    }

    /** The words of a description: those it states, and those it only negates ("without obstruction"). */
    private record DescriptionWords(Set<String> stated, Set<String> negated) {
    }

    /** The best {@code limit} billable codes for {@code phrase}, best first; empty when nothing fits. */
    public List<CodeSuggestion> suggest(String phrase, int limit) {
        List<String> query = expand(CodeWords.of(phrase));
        if (query.isEmpty()) {
            return List.of();
        }
        Set<String> q = new HashSet<>(query);
        Map<String, Double> best = new LinkedHashMap<>();
        for (TermEntry e : index.candidates(query, CANDIDATES)) {
            Set<String> entryWords = new HashSet<>(e.required());
            entryWords.addAll(e.optional());
            long missing = e.required().stream().distinct().filter(w -> !q.contains(w)).count();
            double base = -0.12 * missing + SOURCE_BONUS.getOrDefault(e.source(), 0.0);
            String code = e.code().endsWith("-") ? e.code().substring(0, e.code().length() - 1) : e.code();
            if (code.endsWith(".")) {
                code = code.substring(0, code.length() - 1);
            }
            for (CodeEntry c : resolve(code)) {
                DescriptionWords d = wordsOf(c);
                Set<String> explained = new HashSet<>(entryWords);
                explained.addAll(d.stated());
                long covered = q.stream().filter(explained::contains).count();
                long extra = d.stated().stream()
                        .filter(w -> !q.contains(w) && !entryWords.contains(w) && !DEFAULTS.contains(w)).count();
                long defaults = d.stated().stream().filter(w -> DEFAULTS.contains(w) && !q.contains(w)).count();
                double score = (double) covered / q.size() + base - 0.04 * extra + 0.01 * Math.min(defaults, 3);
                best.merge(c.code(), score, Math::max);
            }
        }
        return best.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
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
