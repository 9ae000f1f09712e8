package org.chartroom.nlp.concept;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.codes.CodeWords;
import org.chartroom.nlp.context.ContextTokens;
import org.chartroom.nlp.context.ContextTokens.Token;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * Finds concept mentions in a sentence: the longest dictionary phrase at each word, widened to the noun phrase a
 * coder would code — up to three modifier words before it ("left tibial shaft fracture", "type 2 diabetes"), up to
 * two words after it ("diabetes mellitus"), an "of" complement ("fracture of the left hip") and a complication or
 * cause joined by a connector ("diabetes with diabetic nephropathy", "anemia due to blood loss"), so that the
 * mention carries the laterality, site, type and complication a code needs. The boundary words live in
 * {@code concept-phrase-words.tsv}. Immutable and thread-safe.
 */
public final class ConceptFinder {
    /** The boundary word lists, relative to {@code org/chartroom/nlp/}. */
    static final String WORDS = "concept-phrase-words.tsv";
    private static final int MODIFIERS = 3;
    private static final int TRAILING = 2;
    private static final int COMPLEMENT = 6;

    private final ConceptDictionary dictionary;
    private final Set<String> leftStop;
    private final Set<String> ofStop;
    private final Set<String> rightStop;
    private final Set<String> connectors;
    private final Set<String> qualifiers;

    public ConceptFinder(ConceptDictionary dictionary) {
        this(dictionary, RuleFile.readResource(WORDS));
    }

    ConceptFinder(ConceptDictionary dictionary, List<RuleLine> words) {
        this.dictionary = dictionary;
        Map<String, Set<String>> kinds = new HashMap<>();
        for (RuleLine line : words) {
            kinds.computeIfAbsent(line.field(0), k -> new HashSet<>())
                    .addAll(List.of(line.field(1).split("\\s+")));
        }
        this.leftStop = Set.copyOf(kinds.getOrDefault("left-stop", Set.of()));
        this.ofStop = Set.copyOf(kinds.getOrDefault("of-stop", Set.of()));
        this.rightStop = Set.copyOf(kinds.getOrDefault("right-stop", Set.of()));
        this.connectors = Set.copyOf(kinds.getOrDefault("connector", Set.of()));
        this.qualifiers = Set.copyOf(kinds.getOrDefault("qualifier", Set.of()));
    }

    /** The mentions in {@code sentence} of {@code text}, in order, non-overlapping. */
    public List<TextSpan> find(String text, TextSpan sentence) {
        List<Token> tokens = ContextTokens.of(text, sentence.start(), sentence.end());
        String[] stems = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            List<String> w = CodeWords.of(tokens.get(i).word());
            stems[i] = w.isEmpty() ? "" : w.get(0);
        }
        List<TextSpan> out = new ArrayList<>();
        int i = 0;
        int taken = 0;
        while (i < tokens.size()) {
            int n = longestAt(stems, i);
            if (n == 0) {
                i++;
                continue;
            }
            int first = left(tokens, i, taken);
            int last = right(tokens, i + n - 1);
            out.add(new TextSpan(tokens.get(first).start(), tokens.get(last).end()));
            taken = last + 1;
            i = last + 1;
        }
        return out;
    }

    /** The first token of the mention whose dictionary phrase starts at {@code i}: its modifiers taken in. */
    private int left(List<Token> tokens, int i, int taken) {
        int first = i;
        int words = 0;
        while (first > taken && words < MODIFIERS) {
            Token t = tokens.get(first - 1);
            if (isWord(t) && !leftStop.contains(t.word()) && !Character.isDigit(t.word().charAt(0))) {
                first--;
                words++;
            } else if (isNumber(t) && first - 2 >= taken && qualifiers.contains(tokens.get(first - 2).word())) {
                first -= 2;
                words += 2;
            } else {
                break;
            }
        }
        return first;
    }

    /** The last token of the mention whose dictionary phrase ends at {@code last}: what follows taken in. */
    private int right(List<Token> tokens, int last) {
        int end = last;
        int j = end + 1;
        while (j < tokens.size() && j - end <= TRAILING && isWord(tokens.get(j))
                && !rightStop.contains(tokens.get(j).word()) && !Character.isDigit(tokens.get(j).word().charAt(0))) {
            j++;
        }
        end = j - 1;
        if (end + 1 < tokens.size() && tokens.get(end + 1).word().equals("of")) {
            end = complement(tokens, end + 1, ofStop);
        }
        if (end + 1 < tokens.size() && connectors.contains(tokens.get(end + 1).word())) {
            end = complement(tokens, end + 1, Set.of("and", "or", "but", "which", "that", "who"));
        }
        return end;
    }

    /** After the word at {@code at} ("of", "with"), the words up to a stop word or punctuation; at least one. */
    private static int complement(List<Token> tokens, int at, Set<String> stop) {
        int j = at + 1;
        int added = 0;
        while (j < tokens.size() && added < COMPLEMENT && isWord(tokens.get(j))
                && !stop.contains(tokens.get(j).word())) {
            j++;
            added++;
        }
        return added > 0 ? j - 1 : at - 1;
    }

    private int longestAt(String[] stems, int i) {
        if (stems[i].isEmpty()) {
            return 0;
        }
        for (int n = Math.min(ConceptDictionary.LONGEST, stems.length - i); n >= 1; n--) {
            List<String> words = new ArrayList<>(n);
            boolean ok = true;
            for (int k = 0; k < n && ok; k++) {
                ok = !stems[i + k].isEmpty();
                words.add(stems[i + k]);
            }
            if (ok && dictionary.contains(words)) {
                return n;
            }
        }
        return 0;
    }

    private static boolean isWord(Token t) {
        return Character.isLetterOrDigit(t.word().charAt(0));
    }

    private static boolean isNumber(Token t) {
        return Character.isDigit(t.word().charAt(0)) || t.word().matches("(i|ii|iii|iv|v)");
    }
}
