package org.chartroom.nlp.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chartroom.core.text.Assertion;
import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.context.ContextTokens.Token;

/**
 * Decides the context of a mention inside its sentence (the ConText algorithm): a trigger applies to the mention
 * when the mention lies in its scope — to the right of a forward trigger or to the left of a backward one, within
 * {@link #MAX_SCOPE} words, with no terminator in between. The longest trigger phrase at a position wins, so a
 * pseudo-trigger ("no increase") hides the shorter trigger inside it. Section defaults add what the section says
 * (past history ⇒ historical, family history ⇒ family). Immutable and thread-safe.
 */
public final class ContextAnalyzer {
    /** How many words (punctuation not counted) a trigger's scope reaches: ConText's window, wide enough for a list of findings. */
    public static final int MAX_SCOPE = 12;

    private static final Set<String> HISTORICAL_SECTIONS = Set.of("past_medical_history", "past_surgical_history");
    private static final Set<String> FAMILY_SECTIONS = Set.of("family_history");

    private final ContextRules rules;

    public ContextAnalyzer(ContextRules rules) {
        this.rules = rules;
    }

    public ContextAnalyzer() {
        this(ContextRules.builtIn());
    }

    /** A trigger found in the sentence, in token positions {@code [from, to)}. */
    private record Match(int from, int to, List<ContextTrigger> triggers) {
        boolean is(ContextCategory c) {
            return triggers.stream().anyMatch(t -> t.category() == c);
        }
    }

    /**
     * The context of {@code target} within {@code sentence} of {@code text}.
     *
     * @param sectionType the type of the section holding the mention ({@code other} when unknown)
     */
    public Assertion assess(String text, TextSpan sentence, TextSpan target, String sectionType) {
        int from = Math.min(sentence.start(), target.start());
        int to = Math.max(sentence.end(), target.end());
        List<Token> tokens = ContextTokens.of(text, from, to);
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start() < target.end() && target.start() < t.end()) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        boolean[] found = new boolean[ContextCategory.values().length];
        if (first >= 0) {
            List<Match> matches = matches(tokens, first, last);
            int[] depth = parenthesisDepth(tokens);
            for (Match m : matches) {
                if (depth[m.from()] > depth[first]) {
                    continue; // a trigger inside parentheses says nothing about what lies outside them
                }
                for (ContextTrigger t : m.triggers()) {
                    if (t.category() == ContextCategory.PSEUDO || t.category() == ContextCategory.TERMINATE) {
                        continue;
                    }
                    if ((t.forward() && m.to() <= first && words(tokens, m.to(), first) < MAX_SCOPE
                            && !terminatedBetween(matches, m.to(), first))
                            || (t.backward() && m.from() > last && words(tokens, last + 1, m.from()) < MAX_SCOPE
                            && !terminatedBetween(matches, last + 1, m.from()))) {
                        found[t.category().ordinal()] = true;
                    }
                }
            }
        }
        return new Assertion(found[ContextCategory.NEGATED.ordinal()],
                found[ContextCategory.UNCERTAIN.ordinal()],
                found[ContextCategory.HISTORICAL.ordinal()] || HISTORICAL_SECTIONS.contains(sectionType),
                found[ContextCategory.FAMILY.ordinal()] || FAMILY_SECTIONS.contains(sectionType),
                found[ContextCategory.HYPOTHETICAL.ordinal()]);
    }

    /** Trigger phrases outside the target tokens {@code [first, last]}, longest match first, left to right. */
    private List<Match> matches(List<Token> tokens, int first, int last) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (i >= first && i <= last) {
                i = last + 1;
                continue;
            }
            Match m = longestAt(tokens, i, first, last);
            if (m == null) {
                i++;
            } else {
                out.add(m);
                i = m.to();
            }
        }
        return out;
    }

    private Match longestAt(List<Token> tokens, int i, int first, int last) {
        List<ContextTrigger> candidates = rules.startingWith(tokens.get(i).word());
        for (ContextTrigger t : candidates) {
            int n = t.words().size();
            int end = i + n;
            if (end > tokens.size() || (i < first && end > first)) {
                continue;
            }
            boolean same = true;
            for (int k = 1; k < n && same; k++) {
                same = tokens.get(i + k).word().equals(t.words().get(k));
            }
            if (same) {
                List<ContextTrigger> all = candidates.stream().filter(c -> c.words().equals(t.words())).toList();
                return new Match(i, end, all);
            }
        }
        return null;
    }

    private static int[] parenthesisDepth(List<Token> tokens) {
        int[] depth = new int[tokens.size()];
        int d = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if (w.equals("(") || w.equals("[")) {
                d++;
            }
            depth[i] = d;
            if ((w.equals(")") || w.equals("]")) && d > 0) {
                d--;
            }
        }
        return depth;
    }

    /** How many word tokens (not punctuation) lie in {@code [from, to)}. */
    private static int words(List<Token> tokens, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(tokens.get(i).word().charAt(0))) {
                n++;
            }
        }
        return n;
    }

    private static boolean terminatedBetween(List<Match> matches, int from, int to) {
        for (Match m : matches) {
            if (m.from() >= from && m.to() <= to && m.is(ContextCategory.TERMINATE)) {
                return true;
            }
        }
        return false;
    }
}
