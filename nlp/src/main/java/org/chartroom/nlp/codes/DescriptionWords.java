package org.chartroom.nlp.codes;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a code's description: those it states, and those it only negates. Words after "without", "not" or
 * "no" up to the next comma are negated ("without obstruction" does not name obstruction).
 *
 * @param stated  the normalised words the description states
 * @param negated the normalised words it negates
 */
record DescriptionWords(Set<String> stated, Set<String> negated) {
    DescriptionWords {
        // In the order written: the index stores them, and a rebuild should give the same files.
        stated = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(stated));
        negated = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(negated));
    }

    static DescriptionWords of(String description) {
        Set<String> stated = new LinkedHashSet<>();
        Set<String> negated = new LinkedHashSet<>();
        for (String clause : description.toLowerCase(Locale.ROOT).split("[,;]")) {
            String[] parts = clause.split("\\b(without|not|no)\\b", 2);
            stated.addAll(CodeWords.of(parts[0]));
            if (parts.length > 1) {
                negated.addAll(CodeWords.of(parts[1]));
            }
        }
        return new DescriptionWords(stated, negated);
    }
}
