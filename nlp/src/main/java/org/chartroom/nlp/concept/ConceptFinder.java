package org.chartroom.nlp.concept;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.codes.CodeWords;
import org.chartroom.nlp.context.ContextTokens;
import org.chartroom.nlp.context.ContextTokens.Token;

/**
 * Finds concept mentions in a sentence: the longest dictionary phrase at each word, widened to its noun phrase —
 * up to three modifier words before it ("left tibial shaft fracture") and an "of" complement after it ("fracture of
 * the left hip") — so that the mention carries the laterality and site a code needs. Immutable and thread-safe.
 */
public final class ConceptFinder {
    private static final int MODIFIERS = 3;
    /** Words that end a noun phrase on its left: function words, verbs, and the ConText triggers. */
    private static final Set<String> LEFT_STOP = Set.of("no", "not", "with", "and", "or", "of", "the", "a", "an",
            "has", "had", "have", "is", "was", "were", "are", "be", "been", "denies", "denied", "deny", "history",
            "for", "to", "in", "on", "at", "by", "from", "his", "her", "their", "patient", "he", "she", "which", "that",
            "who", "this", "any", "some", "without", "possible", "probable", "likely", "status", "post", "due",
            "secondary", "after", "before", "than", "as", "but", "also", "developed", "presented", "complains",
            "diagnosis", "diagnosed", "rule", "out", "evidence", "signs", "sign", "negative", "positive", "known",
            "if", "there", "it", "we", "i", "you", "they", "she's", "he's", "prior", "previous", "underwent",
            "mother", "father", "family", "s");
    private static final Set<String> OF_STOP = Set.of("and", "or", "with", "but", "which", "that", "is", "was",
            "in", "on", "for", "to", "at", "by", "from", "who", "as");

    private final ConceptDictionary dictionary;

    public ConceptFinder(ConceptDictionary dictionary) {
        this.dictionary = dictionary;
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
            int first = i;
            while (first > taken && i - first < MODIFIERS && isModifier(tokens.get(first - 1))) {
                first--;
            }
            int last = i + n - 1;
            if (last + 1 < tokens.size() && tokens.get(last + 1).word().equals("of")) {
                int j = last + 2;
                int added = 0;
                while (j < tokens.size() && added < MODIFIERS && isWord(tokens.get(j))
                        && !OF_STOP.contains(tokens.get(j).word())) {
                    j++;
                    added++;
                }
                if (added > 0) {
                    last = j - 1;
                }
            }
            out.add(new TextSpan(tokens.get(first).start(), tokens.get(last).end()));
            taken = last + 1;
            i = last + 1;
        }
        return out;
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

    private static boolean isModifier(Token t) {
        return isWord(t) && !LEFT_STOP.contains(t.word()) && !Character.isDigit(t.word().charAt(0));
    }
}
