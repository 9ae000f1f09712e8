package org.chartroom.nlp.codes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * Ranks billable ICD-10-CM codes for a phrase, as an encoder does for a coder. The phrase's words ({@link
 * PhraseWords}: written forms, negation, synonyms) are looked up in the term entries held in memory ({@link
 * TermTable}). An index cross-reference ("see", "see also") whose path the phrase states in full gives a second
 * reading of the phrase, in which the path's words are explained as far as an entry holds the target's words
 * ("biliary colic" read as "calculus of bile duct"); the phrase's other words stay to choose among the target's
 * codes. Every entry sharing a word with the phrase is scored, in its best reading, by how much of the phrase it
 * explains, less the index words the phrase lacks (a missing main term weighs most); the best entries' codes are
 * resolved to billable codes (the code itself, or the billable descendants of a header or a code ending in {@code -}),
 * each scored by what its description adds or contradicts (laterality, acuity, episode of care, what it says
 * "without"), with a small preference for the default ("unspecified", "initial encounter", "closed", "without
 * complication") when the phrase is silent. Thread-safe.
 */
public final class CodeSuggester {
    /** The built-in synonym resource, relative to {@code org/chartroom/nlp/}. */
    public static final String SYNONYMS = "code-synonyms.tsv";
    /** The built-in rewriting of written forms ("NOS", spine levels), relative to {@code org/chartroom/nlp/}. */
    static final String PATTERNS = "code-phrase-patterns.tsv";
    private static final int RESOLVED = 40;
    private static final int MAX_SLOTS = 64;
    private static final int MAX_READINGS = 8;
    private static final int BUCKETS = 50;
    private static final double MISSING = 0.5;
    private static final double HEAD_MISSING = 0.3;
    private static final double CONTRADICTED = 0.3;
    private static final double EXTRA = 0.15;
    private static final double DEFAULT_BONUS = 0.01;
    private static final double SEE_ALSO_DISCOUNT = 0.05;
    private static final double SIBLING = 0.05;
    private static final java.util.regex.Pattern UNSPECIFIED = java.util.regex.Pattern.compile(
            "(?i)\\bunspecified\\b");
    private static final double MAX_BONUS = Arrays.stream(TermSource.values()).mapToDouble(TermSource::bonus).max()
            .orElse(0);
    static final boolean DEBUG = Boolean.getBoolean("chartroom.codes.debug");
    private static final List<String> DEFAULT_WORDS = CodeWords.of(
            "unspecified initial encounter closed fracture site type");

    private final TermTable terms;
    private final CodeTable codes;
    private final PhraseWords phrases;
    private final int[] defaults;
    private final boolean[] isDefault;
    /** Per entry, the weight of its required words that are no default: what it misses if the phrase has none. */
    private final double[] requiredWeight;
    private final int[] negations;
    /** Per code of an entry: its billable positions in the code table (a per-term cache, bounded by the index). */
    private final Map<String, int[]> resolved = new ConcurrentHashMap<>();
    private final Map<String, int[]> specifiedSiblings = new ConcurrentHashMap<>();
    private final ThreadLocal<Scratch> scratch;

    public CodeSuggester(CodeIndex index) {
        this(index, RuleFile.readResource(SYNONYMS));
    }

    public CodeSuggester(CodeIndex index, List<RuleLine> synonymLines) {
        this.terms = index.terms();
        this.codes = index.codeTable();
        this.phrases = new PhraseWords(RuleFile.readResource(PATTERNS), synonymLines, terms);
        this.defaults = sortedIds(DEFAULT_WORDS);
        this.negations = sortedIds(List.of("without", "no", "not"));
        this.isDefault = new boolean[terms.vocabularySize()];
        for (int w : defaults) {
            isDefault[w] = true;
        }
        this.requiredWeight = new double[terms.size()];
        for (int e = 0; e < requiredWeight.length; e++) {
            for (int w : terms.required(e)) {
                requiredWeight[e] += isDefault[w] ? 0 : terms.weight(w);
            }
        }
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(terms.size(), terms.vocabularySize()));
    }

    /**
     * Per-thread work arrays, reset after each phrase: per entry, the slots its words cover (a bit per slot); per
     * word, the readings that have it (a bit per reading).
     */
    private static final class Scratch {
        final long[] masks;
        final byte[] readingsOf;
        final double[] shareSums = new double[1 << 12];
        final double[] weightSums = new double[1 << 12];
        int[] touched = new int[1024];
        int count;
        final List<Integer> marked = new ArrayList<>();

        Scratch(int entries, int vocabulary) {
            masks = new long[entries];
            readingsOf = new byte[vocabulary];
        }

        void markWords(int[] words, int reading) {
            for (int w : words) {
                if (readingsOf[w] == 0) {
                    marked.add(w);
                }
                readingsOf[w] |= (byte) (1 << reading);
            }
        }

        void mark(int entry, long bits) {
            if (masks[entry] == 0) {
                if (count == touched.length) {
                    touched = Arrays.copyOf(touched, count * 2);
                }
                touched[count++] = entry;
            }
            masks[entry] |= bits;
        }

        void reset() {
            for (int i = 0; i < count; i++) {
                masks[touched[i]] = 0;
            }
            count = 0;
            for (int w : marked) {
                readingsOf[w] = 0;
            }
            marked.clear();
        }
    }

    /** A word to explain: the word and the index words that may stand for it, weighed by how telling it is. */
    private record Slot(int[] ids, double weight, boolean negated) {
        boolean in(int[] sortedIds) {
            for (int w : ids) {
                if (Arrays.binarySearch(sortedIds, w) >= 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One way to read the phrase: the slots it asks to explain (bits) and each slot's share of the phrase; for a
     * cross-reference followed, the phrase slots its path matched and the slots of its target's words with their
     * weights (an entry explains a matched slot as far as it holds the target's words); the words an entry may
     * require without penalty (sorted ids), and what following a "see also" costs.
     */
    private record Reading(int index, long slots, double[] shares, double total, long matched, long target,
                           double[] targetShares, int[] words, double discount) {
        /** The share of the target's weight that the words of {@code mask} hold. */
        double targetFraction(long mask) {
            return matched == 0 ? 0 : covered(mask & target, targetShares);
        }

        /** The share of the phrase a mask of slots explains in this reading. */
        double explained(long mask, Sums sums) {
            double c = sums.of(mask & slots);
            long unexplained = matched & ~mask;
            return unexplained == 0 || (mask & target) == 0 ? c
                    : c + targetFraction(mask) * sums.of(unexplained);
        }
    }

    /**
     * The sum of some per-slot values over any set of slots: from a table of every subset when the phrase has few
     * slots (an entry's mask is then one array read), else bit by bit.
     */
    private static final class Sums {
        private static final int TABLE_BITS = 12;
        private final double[] values;
        private final double[] table;

        Sums(double[] values, int slots, double[] reuse) {
            this.values = values;
            if (slots <= TABLE_BITS) {
                table = reuse;
                table[0] = 0;
                for (int m = 1; m < 1 << slots; m++) {
                    table[m] = table[m & (m - 1)] + values[Integer.numberOfTrailingZeros(m)];
                }
            } else {
                table = null;
            }
        }

        double of(long mask) {
            return table != null ? table[(int) mask] : covered(mask, values);
        }
    }

    /** A candidate entry scored in its best reading by its own words ({@code bound}), before its code is resolved. */
    private record ScoredEntry(int entry, Reading reading, double base, double bound) {
    }

    /** The best {@code limit} billable codes for {@code phrase}, best first; empty when nothing fits. */
    public List<CodeSuggestion> suggest(String phrase, int limit) {
        List<PhraseWords.Word> words = phrases.of(phrase);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Slot> slots = new ArrayList<>();
        for (PhraseWords.Word w : words.subList(0, Math.min(MAX_SLOTS / 2, words.size()))) {
            int[] ids = IntStream.concat(IntStream.of(terms.id(w.word())),
                    w.alternatives().stream().mapToInt(terms::id).filter(id -> id != TermTable.UNKNOWN))
                    .distinct().toArray();
            // An unknown word weighs as the rarest: a phrase the index does not explain scores low.
            slots.add(new Slot(ids, Arrays.stream(ids).mapToDouble(terms::weight).max().orElse(0), w.negated()));
        }
        Scratch s = scratch.get();
        try {
            for (int i = 0; i < slots.size(); i++) {
                for (int w : slots.get(i).ids()) {
                    for (int e : terms.postings(w)) {
                        s.mark(e, 1L << i);
                    }
                }
            }
            boolean negates = slots.stream().anyMatch(Slot::negated);
            IntStream implied = words.stream().flatMap(w -> w.implies().stream()).mapToInt(terms::id);
            int[] stated = IntStream.concat(IntStream.concat(slots.stream().flatMapToInt(x -> Arrays.stream(x.ids())),
                    Arrays.stream(negates ? negations : new int[0])), implied)
                    .filter(w -> w != TermTable.UNKNOWN).distinct().sorted().toArray();
            long all = (1L << slots.size()) - 1;
            double total = total(slots, all);
            double[] shares = new double[MAX_SLOTS];
            for (int k = 0; k < slots.size(); k++) {
                shares[k] = slots.get(k).weight() / total;
            }
            List<Reading> readings = new ArrayList<>();
            readings.add(new Reading(0, all, shares, total, 0, 0, new double[MAX_SLOTS], stated, 0));
            s.markWords(stated, 0);
            followCrossReferences(slots, readings, s);
            return resolve(bestEntries(slots, readings, s), slots, s, limit);
        } finally {
            s.reset();
        }
    }

    private static double total(List<Slot> slots, long bits) {
        double total = 0;
        for (int k = 0; k < slots.size(); k++) {
            if ((bits & (1L << k)) != 0) {
                total += slots.get(k).weight();
            }
        }
        return total;
    }

    /**
     * A cross-reference whose path the phrase states in full ("Colic, biliary — see Calculus, bile duct") gives a
     * reading where the phrase words it matched are replaced by the words of its target, each a slot of its own.
     */
    private void followCrossReferences(List<Slot> slots, List<Reading> readings, Scratch s) {
        Reading first = readings.get(0);
        int count = s.count;
        Map<Integer, Integer> slotOfWord = new HashMap<>();
        for (int i = 0; i < count && readings.size() < MAX_READINGS; i++) {
            int e = s.touched[i];
            int[] implied = terms.implied(e);
            if (implied.length == 0 || !containsAll(first.words(), terms.required(e))) {
                continue;
            }
            long matched = s.masks[e] & first.slots();
            long target = 0;
            double[] targetShares = new double[MAX_SLOTS];
            double targetWeight = 0;
            for (int w : implied) {
                int k = indexOf(slots, w);
                if (k < 0) {
                    k = slotOfWord.getOrDefault(w, -1);
                }
                if (k < 0) {
                    if (slots.size() == MAX_SLOTS - 1) {
                        continue;
                    }
                    k = slots.size();
                    slots.add(new Slot(new int[] {w}, terms.weight(w), false));
                    slotOfWord.put(w, k);
                    for (int entry : terms.postings(w)) {
                        s.mark(entry, 1L << k);
                    }
                }
                target |= 1L << k;
                targetShares[k] = terms.weight(w);
                targetWeight += terms.weight(w);
            }
            long targetRead = target;
            if (matched == 0 || target == 0 || readings.stream().anyMatch(r -> r.target() == targetRead)) {
                continue;
            }
            for (int k = 0; k < MAX_SLOTS; k++) {
                targetShares[k] /= targetWeight;
            }
            int[] words = IntStream.concat(Arrays.stream(first.words()), Arrays.stream(implied)).distinct().sorted()
                    .toArray();
            if (DEBUG) {
                System.err.printf("9.999 READING [%s] => %s%n", terms.words(terms.required(e)), terms.words(implied));
            }
            s.markWords(words, readings.size());
            readings.add(new Reading(readings.size(), first.slots(), first.shares(), first.total(), matched, target,
                    targetShares, words, terms.source(e) == TermSource.SEE_ALSO ? SEE_ALSO_DISCOUNT : 0));
        }
    }

    private static int indexOf(List<Slot> slots, int word) {
        for (int k = 0; k < slots.size(); k++) {
            if (contains(slots.get(k).ids(), word)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Stage 1: each touched entry scored by its own words in its best reading; the best {@link #RESOLVED} by that
     * bound. Entries are taken in buckets of how much of the phrase they cover, most first, so that the many entries
     * sharing only a common word ("left", "unspecified") are never scored once enough better ones are found.
     */
    private List<ScoredEntry> bestEntries(List<Slot> slots, List<Reading> readings, Scratch s) {
        // Per slot, the weight of all its words (an entry may require several of them); per reading, the weight of
        // its words that are no slot's ("without").
        double[] slotWeights = new double[MAX_SLOTS];
        for (int k = 0; k < slots.size(); k++) {
            slotWeights[k] = Arrays.stream(slots.get(k).ids()).filter(w -> w != TermTable.UNKNOWN)
                    .mapToDouble(terms::weight).sum();
        }
        double[] readingExtra = new double[readings.size()];
        for (int r = 0; r < readings.size(); r++) {
            for (int w : readings.get(r).words()) {
                if (indexOf(slots, w) < 0) {
                    readingExtra[r] += terms.weight(w);
                }
            }
        }
        // Every reading shares the phrase's slots and shares; only a reference's target words differ.
        Sums shares = new Sums(readings.get(0).shares(), slots.size(), s.shareSums);
        Sums weights = new Sums(slotWeights, slots.size(), s.weightSums);
        int[] bucketOf = new int[s.count];
        int[] sizes = new int[BUCKETS + 1];
        for (int i = 0; i < s.count; i++) {
            long mask = s.masks[s.touched[i]];
            double best = readings.get(0).explained(mask, shares);
            for (int r = 1; r < readings.size(); r++) {
                if ((mask & readings.get(r).target()) != 0) {
                    best = Math.max(best, readings.get(r).explained(mask, shares));
                }
            }
            bucketOf[i] = Math.min(BUCKETS, (int) (best * BUCKETS));
            sizes[bucketOf[i]]++;
        }
        // Bucket b holds order[starts[b + 1] .. starts[b]): the fullest bucket comes first.
        int[] starts = new int[BUCKETS + 2];
        for (int b = BUCKETS; b >= 0; b--) {
            starts[b] = starts[b + 1] + sizes[b];
        }
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
                if (terms.code(e).isEmpty()) {
                    continue;
                }
                ScoredEntry top = null;
                for (int r = 0; r < readings.size(); r++) {
                    Reading reading = readings.get(r);
                    long mask = s.masks[e] & (reading.slots() | reading.target());
                    // An entry holding none of a reference's target words reads there as in the phrase itself.
                    if (mask == 0 || (r > 0 && (mask & reading.target()) == 0)) {
                        continue;
                    }
                    double covered = reading.explained(mask, shares);
                    // The words the entry requires beyond what its covered slots can hold are surely missing: an
                    // entry that cannot beat the kept ones even so is not scored in full.
                    double surelyMissing = requiredWeight[e] - weights.of(mask) - readingExtra[r];
                    if (best.size() == RESOLVED && covered + MAX_BONUS - reading.discount()
                            - MISSING * Math.max(0, surelyMissing) / reading.total() <= best.peek().bound()) {
                        continue;
                    }
                    ScoredEntry se = score(e, reading, covered, s);
                    top = top == null || se.bound() > top.bound() ? se : top;
                }
                if (top != null) {
                    offer(best, top);
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

    /** The share of the phrase that a slot mask covers in a reading. */
    private static double covered(long mask, double[] shares) {
        double covered = 0;
        long m = mask;
        while (m != 0) {
            covered += shares[Long.numberOfTrailingZeros(m)];
            m &= m - 1;
        }
        return covered;
    }

    /** An entry's base (the words it requires that the reading lacks, its source) and its bound in a reading. */
    private ScoredEntry score(int e, Reading reading, double covered, Scratch s) {
        double missing = 0;
        boolean headMissing = false;
        int[] required = terms.required(e);
        int bit = 1 << reading.index();
        for (int k = 0; k < required.length; k++) {
            int w = required[k];
            if ((s.readingsOf[w] & bit) == 0 && !isDefault[w]) {
                missing += terms.weight(w);
                headMissing |= k < terms.head(e);
            }
        }
        // An entry whose main term the phrase does not name is about another condition ("Fracture, fatigue").
        double base = -MISSING * missing / reading.total() - (headMissing ? HEAD_MISSING : 0)
                + terms.source(e).bonus() - reading.discount();
        return new ScoredEntry(e, reading, base, covered + base);
    }

    /** Stage 2: the best entries resolved to billable codes, each scored by what its description adds. */
    private List<CodeSuggestion> resolve(List<ScoredEntry> entries, List<Slot> slots, Scratch s, int limit) {
        Map<Integer, Double> best = new HashMap<>();
        for (ScoredEntry se : entries) {
            int e = se.entry();
            Reading reading = se.reading();
            long entryMask = s.masks[e];
            int[] required = terms.required(e);
            int[] optional = terms.optional(e);
            String code = headerOf(terms.code(e));
            int[] billable = resolved.computeIfAbsent(code, this::billable);
            // An index entry that names a billable code vouches for it: its description's other words are no
            // penalty. They matter only when choosing among a header's descendants.
            boolean direct = billable.length == 1 && codes.entry(billable[0]).code().equals(code);
            boolean entryNegates = containsAny(required, negations) || containsAny(optional, negations);
            double coveredMost = 0;
            for (int c : billable) {
                Fit fit = describe(c, slots, reading, entryMask, entryNegates, direct, required, optional);
                coveredMost = Math.max(coveredMost, fit.covered());
                double score = fit.score() + se.base();
                if (DEBUG && score > 0.3) {
                    System.err.printf("%.3f %s <- %s [%s | %s => %s] base=%.2f%n", score, codes.entry(c).code(),
                            terms.source(e), terms.words(required), terms.words(optional), terms.code(e),
                            se.base());
                }
                best.merge(c, score, Math::max);
            }
            // An unspecified code the phrase says more of: its specified siblings, a step away, when they explain
            // more of the phrase ("squamous cell" carcinoma where the Neoplasm Table gives the unspecified one).
            for (int c : specifiedSiblings.computeIfAbsent(code, this::specifiedSiblings)) {
                Fit fit = describe(c, slots, reading, entryMask, entryNegates, false, required, optional);
                if (fit.covered() > coveredMost + 1e-9) {
                    best.merge(c, fit.score() + se.base() - SIBLING, Math::max);
                }
            }
        }
        return top(best, limit);
    }

    /**
     * How well a billable code's description fits the reading, given the entry that led to it: the share of the
     * phrase it or the entry explains, less what it contradicts (it states what the phrase negates, or negates
     * what the phrase states) and the specific words it adds, plus a little for each default it takes.
     */
    private Fit describe(int c, List<Slot> slots, Reading reading, long entryMask, boolean entryNegates,
                         boolean direct, int[] required, int[] optional) {
        int[] stated = codes.stated(c);
        int[] negated = codes.negated(c);
        double covered = 0;
        double contradicted = 0;
        boolean complicationStated = false;
        long explained = 0;
        long targetHeld = entryMask & reading.target();
        for (int k = 0; k < slots.size(); k++) {
            long bit = 1L << k;
            Slot slot = slots.get(k);
            boolean inStated = slot.in(stated);
            if ((reading.target() & bit) != 0 && inStated) {
                targetHeld |= bit;
            }
            if ((reading.slots() & bit) == 0) {
                continue;
            }
            boolean inNegated = negated.length > 0 && slot.in(negated);
            boolean byEntry = (entryMask & bit) != 0;
            complicationStated |= inNegated && !slot.negated();
            if (slot.negated() ? inStated && !inNegated : inNegated && !inStated) {
                contradicted += reading.shares()[k];
                explained |= bit;
            } else if (slot.negated() ? inNegated || (byEntry && entryNegates) : inStated || byEntry) {
                covered += reading.shares()[k];
                explained |= bit;
            }
        }
        // What the phrase matched of a cross-reference's path is explained as far as the entry and the description
        // hold the target's words.
        long unexplained = reading.matched() & ~explained;
        if (unexplained != 0) {
            covered += reading.targetFraction(targetHeld) * covered(unexplained, reading.shares());
        }
        double extra = 0;
        // "Without complication" is the default when the phrase names none (code what is documented).
        int defaultsTaken = negated.length > 0 && !complicationStated ? 1 : 0;
        int[] nonessential = codes.nonessential(c);
        for (int w : stated) {
            if (Arrays.binarySearch(defaults, w) >= 0) {
                defaultsTaken += Arrays.binarySearch(reading.words(), w) >= 0 ? 0 : 1;
            } else if (!direct && Arrays.binarySearch(reading.words(), w) < 0 && !contains(required, w)
                    && !contains(optional, w) && Arrays.binarySearch(nonessential, w) < 0) {
                extra += terms.weight(w);
            }
        }
        return new Fit(covered, covered - CONTRADICTED * contradicted - EXTRA * extra / reading.total()
                + DEFAULT_BONUS * Math.min(defaultsTaken, 3));
    }

    /** How a code's description fits: the share of the phrase explained, and the score. */
    private record Fit(double covered, double score) {
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

    /**
     * When {@code code} (a billable code or a header) is the unspecified member of its family ("Unspecified
     * malignant neoplasm of skin of upper limb"), the billable codes under its parent (a subcategory) that are not
     * under it; else none.
     */
    private int[] specifiedSiblings(String code) {
        CodeEntry entry = codes.code(code);
        String parent = code.length() > 4 ? headerOf(code.substring(0, code.length() - 1)) : "";
        // A parent below its category only: "Unspecified cataract" is no step away from every cataract.
        if (entry == null || parent.length() < 5 || !UNSPECIFIED.matcher(entry.description()).find()) {
            return new int[0];
        }
        return Arrays.stream(codes.billableUnder(parent))
                .filter(c -> !codes.entry(c).code().startsWith(code)).toArray();
    }

    /** A billable code as is; a header or a dashed code as its billable descendants. */
    private int[] billable(String code) {
        int i = codes.find(code);
        if (i >= 0 && codes.entry(i).billable()) {
            return new int[] {i};
        }
        return codes.billableUnder(code);
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

    private static boolean containsAny(int[] a, int[] sorted) {
        for (int x : a) {
            if (Arrays.binarySearch(sorted, x) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] a, int w) {
        for (int x : a) {
            if (x == w) {
                return true;
            }
        }
        return false;
    }
}
