package org.chartroom.nlp.codes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * Ranks billable ICD-10-CM codes for a phrase, as an encoder does for a coder. The phrase's words (clinical
 * abbreviations and synonyms expanded by the resource {@code code-synonyms.tsv}) are looked up in the term entries
 * held in memory ({@link TermTable}); an index cross-reference ("see", "see also") the phrase states in full adds
 * the words of its target. Every entry sharing a word with the phrase is scored by how much of the phrase it
 * explains, less the index words the phrase lacks; the best entries' codes are resolved to billable codes (itself,
 * or the billable descendants of a header or a code ending in {@code -}), each scored by what its description adds
 * or contradicts (laterality, acuity, episode of care), with a small preference for the default ("unspecified",
 * "initial encounter", "closed") when the phrase is silent. Thread-safe.
 */
public final class CodeSuggester {
    /** The built-in synonym resource, relative to {@code org/chartroom/nlp/}. */
    public static final String SYNONYMS = "code-synonyms.tsv";
    private static final int RESOLVED = 40;
    private static final int MAX_SLOTS = 64;
    private static final int BUCKETS = 50;
    private static final double HEAD_MISSING = 0.3;
    private static final double MAX_BONUS = Arrays.stream(TermSource.values()).mapToDouble(TermSource::bonus).max()
            .orElse(0);
    static final boolean DEBUG = Boolean.getBoolean("chartroom.codes.debug");
    private static final List<String> DEFAULT_WORDS = CodeWords.of(
            "unspecified initial encounter closed fracture site type");

    private final TermTable terms;
    private final CodeTable codes;
    private final Map<List<String>, List<String>> synonyms;
    private final Map<String, List<String>> alternatives;
    private final int longestSynonym;
    private final int[] defaults;
    /** Per code of an entry: its billable positions in the code table (a per-term cache, bounded by the index). */
    private final Map<String, int[]> resolved = new ConcurrentHashMap<>();
    private final ThreadLocal<Scratch> scratch;

    public CodeSuggester(CodeIndex index) {
        this(index, RuleFile.readResource(SYNONYMS));
    }

    public CodeSuggester(CodeIndex index, List<RuleLine> synonymLines) {
        this.terms = index.terms();
        this.codes = index.codeTable();
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
        this.defaults = sortedIds(DEFAULT_WORDS);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(terms.size()));
    }

    /** Per-thread work arrays, one slot mask per entry, reset after each phrase. */
    private static final class Scratch {
        final long[] masks;
        int[] touched = new int[1024];
        int count;

        Scratch(int entries) {
            masks = new long[entries];
        }

        void mark(int entry, long bit) {
            if (masks[entry] == 0) {
                if (count == touched.length) {
                    touched = Arrays.copyOf(touched, count * 2);
                }
                touched[count++] = entry;
            }
            masks[entry] |= bit;
        }

        void reset() {
            for (int i = 0; i < count; i++) {
                masks[touched[i]] = 0;
            }
            count = 0;
        }
    }

    /** One word of the phrase: the word and the index words that may stand for it, weighed by how telling it is. */
    private static final class Slot {
        int[] ids;
        final double weight;

        Slot(int[] ids, double weight) {
            this.ids = ids;
            this.weight = weight;
        }

        boolean in(int[] sortedIds) {
            for (int w : ids) {
                if (Arrays.binarySearch(sortedIds, w) >= 0) {
                    return true;
                }
            }
            return false;
        }

    }

    /** A candidate entry scored by its own words ({@code bound}), before its code is resolved. */
    private record ScoredEntry(int entry, double base, double bound) {
    }

    /** The best {@code limit} billable codes for {@code phrase}, best first; empty when nothing fits. */
    public List<CodeSuggestion> suggest(String phrase, int limit) {
        List<String> query = expand(CodeWords.of(phrase));
        if (query.isEmpty()) {
            return List.of();
        }
        List<Slot> slots = new ArrayList<>();
        for (String w : new LinkedHashSet<>(query)) {
            if (slots.size() == MAX_SLOTS) {
                break;
            }
            List<String> words = new ArrayList<>();
            words.add(w);
            words.addAll(alternatives.getOrDefault(w, List.of()));
            int[] ids = words.stream().mapToInt(terms::id).distinct().toArray();
            double weight = Arrays.stream(ids).mapToDouble(terms::weight).max().orElse(1.0);
            slots.add(new Slot(ids, weight));
        }
        double total = slots.stream().mapToDouble(s -> s.weight).sum();
        Scratch s = scratch.get();
        try {
            for (int i = 0; i < slots.size(); i++) {
                for (int w : slots.get(i).ids) {
                    for (int e : terms.postings(w)) {
                        s.mark(e, 1L << i);
                    }
                }
            }
            int[] q = followCrossReferences(slots, s);
            List<ScoredEntry> entries = bestEntries(slots, total, q, s);
            return resolve(entries, slots, total, q, s, limit);
        } finally {
            s.reset();
        }
    }

    /**
     * A cross-reference whose words the phrase states in full ("Colic, biliary — see Calculus, bile duct") lends the
     * words of its target to the phrase words it matched, so the target's entries explain them. Returns the sorted
     * ids of every word the phrase now has.
     */
    private int[] followCrossReferences(List<Slot> slots, Scratch s) {
        int[] q = queryIds(slots);
        int count = s.count;
        Map<Integer, Long> lent = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int e = s.touched[i];
            int[] implied = terms.implied(e);
            if (implied.length == 0 || !containsAll(q, terms.required(e))) {
                continue;
            }
            long mask = s.masks[e];
            for (int w : implied) {
                if (Arrays.binarySearch(q, w) < 0) {
                    lent.merge(w, mask, (a, b) -> a | b);
                }
            }
        }
        for (Map.Entry<Integer, Long> en : lent.entrySet()) {
            int w = en.getKey();
            long mask = en.getValue();
            for (int i = 0; i < slots.size(); i++) {
                if ((mask & (1L << i)) != 0) {
                    Slot slot = slots.get(i);
                    slot.ids = Arrays.copyOf(slot.ids, slot.ids.length + 1);
                    slot.ids[slot.ids.length - 1] = w;
                }
            }
            for (int e : terms.postings(w)) {
                s.mark(e, mask);
            }
        }
        return lent.isEmpty() ? q : queryIds(slots);
    }

    /**
     * Stage 1: each touched entry scored by its own words; the best {@link #RESOLVED} by that bound. Entries are
     * taken in buckets of how much of the phrase they cover, most first, so that the many entries sharing only a
     * common word ("left", "unspecified") are never scored once enough better ones are found.
     */
    private List<ScoredEntry> bestEntries(List<Slot> slots, double total, int[] q, Scratch s) {
        double[] weights = new double[slots.size()];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = slots.get(k).weight / total;
        }
        int[] bucketOf = new int[s.count];
        int[] sizes = new int[BUCKETS + 1];
        for (int i = 0; i < s.count; i++) {
            int b = (int) (covered(s.masks[s.touched[i]], weights) * BUCKETS);
            bucketOf[i] = Math.min(BUCKETS, b);
            sizes[bucketOf[i]]++;
        }
        int[] starts = new int[BUCKETS + 2];
        for (int b = BUCKETS; b >= 0; b--) {
            starts[b] = starts[b + 1] + sizes[b];
        }
        // Bucket BUCKETS (all covered) first: order[starts[b+1] .. starts[b]) holds bucket b.
        int[] order = new int[s.count];
        int[] fill = Arrays.copyOf(starts, starts.length);
        for (int i = 0; i < s.count; i++) {
            order[fill[bucketOf[i] + 1]++] = s.touched[i];
        }
        PriorityQueue<ScoredEntry> best = new PriorityQueue<>(Comparator.comparingDouble(ScoredEntry::bound));
        for (int b = BUCKETS; b >= 0; b--) {
            if (best.size() == RESOLVED && (b + 1.0) / BUCKETS + MAX_BONUS <= best.peek().bound()) {
                break;
            }
            for (int i = starts[b + 1]; i < starts[b]; i++) {
                int e = order[i];
                if (!terms.code(e).isEmpty()) {
                    offer(best, score(e, covered(s.masks[e], weights), total, q));
                }
            }
        }
        List<ScoredEntry> out = new ArrayList<>(best);
        out.sort(Comparator.comparingDouble(ScoredEntry::bound).reversed().thenComparingInt(ScoredEntry::entry));
        return out;
    }

    private static void offer(PriorityQueue<ScoredEntry> best, ScoredEntry se) {
        if (best.size() < RESOLVED) {
            best.add(se);
        } else if (se.bound() > best.peek().bound()) {
            best.poll();
            best.add(se);
        }
    }

    /** The share of the phrase's weight that a slot mask covers. */
    private static double covered(long mask, double[] weights) {
        double covered = 0;
        long m = mask;
        while (m != 0) {
            int k = Long.numberOfTrailingZeros(m);
            if (k < weights.length) {
                covered += weights[k];
            }
            m &= m - 1;
        }
        return covered;
    }

    /** An entry's base (its missing words, main term, source) and its bound (covered share plus base). */
    private ScoredEntry score(int e, double covered, double total, int[] q) {
        double missing = 0;
        boolean headMissing = false;
        int[] required = terms.required(e);
        for (int k = 0; k < required.length; k++) {
            int w = required[k];
            if (Arrays.binarySearch(q, w) < 0 && Arrays.binarySearch(defaults, w) < 0 && firstAt(required, w) == k) {
                missing += terms.weight(w);
                headMissing |= k < terms.head(e);
            }
        }
        // An entry whose main term the phrase does not name is about another condition ("Fracture, fatigue").
        double base = -0.5 * missing / total - (headMissing ? HEAD_MISSING : 0) + terms.source(e).bonus();
        return new ScoredEntry(e, base, covered + base);
    }

    /** Stage 2: the best entries resolved to billable codes, each scored by what its description adds. */
    private List<CodeSuggestion> resolve(List<ScoredEntry> entries, List<Slot> slots, double total, int[] q,
                                         Scratch s, int limit) {
        Map<Integer, Double> best = new HashMap<>();
        for (ScoredEntry se : entries) {
            int e = se.entry();
            long entryMask = s.masks[e];
            int[] required = terms.required(e);
            int[] optional = terms.optional(e);
            String code = headerOf(terms.code(e));
            int[] billable = resolved.computeIfAbsent(code, this::billable);
            // An index entry that names a billable code vouches for it: its description's other words are no
            // penalty. They matter only when choosing among a header's descendants.
            boolean direct = billable.length == 1 && codes.entry(billable[0]).code().equals(code);
            for (int c : billable) {
                int[] stated = codes.stated(c);
                int[] negated = codes.negated(c);
                double covered = 0;
                double contradicted = 0;
                for (int k = 0; k < slots.size(); k++) {
                    Slot slot = slots.get(k);
                    boolean inStated = slot.in(stated);
                    if (!inStated && negated.length > 0 && slot.in(negated)) {
                        contradicted += slot.weight;
                    } else if (inStated || (entryMask & (1L << k)) != 0) {
                        covered += slot.weight;
                    }
                }
                double extra = 0;
                int unstated = 0;
                for (int w : stated) {
                    if (Arrays.binarySearch(defaults, w) >= 0) {
                        unstated += Arrays.binarySearch(q, w) >= 0 ? 0 : 1;
                    } else if (!direct && Arrays.binarySearch(q, w) < 0 && !contains(required, w)
                            && !contains(optional, w)) {
                        extra += terms.weight(w);
                    }
                }
                double score = (covered - 0.3 * contradicted - 0.15 * extra) / total + se.base()
                        + 0.01 * Math.min(unstated, 3);
                if (DEBUG && score > 0.3) {
                    System.err.printf("%.3f %s <- %s %d cov=%.2f/%.2f extra=%.2f%n", score,
                            codes.entry(c).code(), terms.source(e), e, covered, total, extra);
                }
                best.merge(c, score, Math::max);
            }
        }
        return top(best, limit);
    }

    /** The best {@code limit} codes, one 7th-character variant per code: a list of conditions, not of episodes. */
    private List<CodeSuggestion> top(Map<Integer, Double> scores, int limit) {
        Map<String, Integer> bestOfGroup = new HashMap<>();
        for (Map.Entry<Integer, Double> en : scores.entrySet()) {
            String code = codes.entry(en.getKey()).code();
            String group = code.length() == 8 ? code.substring(0, 7) : code;
            bestOfGroup.merge(group, en.getKey(), (a, b) -> better(scores, a, b) ? a : b);
        }
        Comparator<Integer> worstFirst = (a, b) -> a.equals(b) ? 0 : better(scores, a, b) ? 1 : -1;
        PriorityQueue<Integer> kept = new PriorityQueue<>(worstFirst);
        for (int c : bestOfGroup.values()) {
            kept.add(c);
            if (kept.size() > limit) {
                kept.poll();
            }
        }
        List<Integer> out = new ArrayList<>(kept);
        out.sort(worstFirst.reversed());
        return out.stream().map(c -> new CodeSuggestion(codes.entry(c).code(), codes.entry(c).description(),
                Math.round(scores.get(c) * 1000) / 1000.0, List.of())).toList();
    }

    /** Higher score first; equal scores by code, so the order never depends on hashing. */
    private boolean better(Map<Integer, Double> scores, int a, int b) {
        int byScore = Double.compare(scores.get(a), scores.get(b));
        return byScore != 0 ? byScore > 0 : a < b;
    }

    /** The code of an entry without its trailing dash or dot ({@code S82.20-} is the header {@code S82.20}). */
    private static String headerOf(String code) {
        String c = code.endsWith("-") ? code.substring(0, code.length() - 1) : code;
        return c.endsWith(".") ? c.substring(0, c.length() - 1) : c;
    }

    /** A billable code as is; a header or a dashed code as its billable descendants. */
    private int[] billable(String code) {
        int i = codes.find(code);
        if (i >= 0 && codes.entry(i).billable()) {
            return new int[] {i};
        }
        return codes.billableUnder(code);
    }

    private static int[] queryIds(List<Slot> slots) {
        return slots.stream().flatMapToInt(s -> Arrays.stream(s.ids)).filter(w -> w != TermTable.UNKNOWN)
                .distinct().sorted().toArray();
    }

    private int[] sortedIds(List<String> words) {
        return words.stream().mapToInt(terms::id).filter(w -> w != TermTable.UNKNOWN).distinct().sorted()
                .toArray();
    }

    private static boolean containsAll(int[] sorted, int[] words) {
        for (int w : words) {
            if (Arrays.binarySearch(sorted, w) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(int[] a, int w) {
        for (int x : a) {
            if (x == w) {
                return true;
            }
        }
        return false;
    }

    private static int firstAt(int[] a, int w) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == w) {
                return i;
            }
        }
        return -1;
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
}
