package org.chartroom.nlp.codes;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a code's description (or of a coder's phrase): those it states, and those it only negates. Words
 * after "without", "not" or "no" are negated up to the next comma, or up to an "of" or "with" that returns to the
 * condition ("without obstruction" does not name obstruction; "laceration without foreign body of scalp" names
 * the scalp; "without loss of consciousness" negates consciousness too).
 *
 * @param stated       the normalised words the description states
 * @param negated      the normalised words it negates
 * @param nonessential the stated words written in parentheses ("Acute systolic (congestive) heart failure"): a
 *                     phrase may state them, but need not
 */
record DescriptionWords(Set<String> stated, Set<String> negated, Set<String> nonessential) {
    private static final Pattern NEGATION = Pattern.compile("\\b(?:without|not|no)\\b");
    private static final Pattern BRACKETS = Pattern.compile("[(\\[]([^)\\]]*)[)\\]]");
    private static final Pattern RETURN = Pattern.compile("\\b(of|with)\\b");
    /** Nouns whose "of" belongs to what is negated ("without evidence of necrosis"). */
    private static final Set<String> OF_PART_OF_NEGATION = Set.of("evidence", "loss", "mention", "sign", "signs");

    DescriptionWords {
        // In the order written: the index stores them, and a rebuild should give the same files.
        stated = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(stated));
        negated = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(negated));
        nonessential = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(nonessential));
    }

    static DescriptionWords of(String description) {
        Set<String> stated = new LinkedHashSet<>();
        Set<String> negated = new LinkedHashSet<>();
        for (String clause : description.toLowerCase(Locale.ROOT).split("[,;]")) {
            Matcher m = NEGATION.matcher(clause);
            int from = 0;
            while (m.find(from)) {
                stated.addAll(CodeWords.of(clause.substring(from, m.start())));
                int end = scopeEnd(clause, m.end());
                negated.addAll(CodeWords.of(clause.substring(m.end(), end)));
                from = end;
            }
            stated.addAll(CodeWords.of(clause.substring(from)));
        }
        negated.removeAll(stated);
        Set<String> nonessential = new LinkedHashSet<>();
        Matcher brackets = BRACKETS.matcher(description);
        while (brackets.find()) {
            nonessential.addAll(CodeWords.of(brackets.group(1)));
        }
        nonessential.retainAll(stated);
        return new DescriptionWords(stated, negated, nonessential);
    }

    /** Where a negation that ends at {@code from} stops: the clause end, or an "of"/"with" back to the condition. */
    private static int scopeEnd(String clause, int from) {
        Matcher back = RETURN.matcher(clause);
        int at = from;
        while (back.find(at)) {
            String before = clause.substring(from, back.start()).strip();
            String last = before.isEmpty() ? "" : before.substring(before.lastIndexOf(' ') + 1);
            if (!before.isEmpty() && !(back.group(1).equals("of") && OF_PART_OF_NEGATION.contains(last))) {
                return back.start();
            }
            at = back.end();
        }
        return clause.length();
    }
}
