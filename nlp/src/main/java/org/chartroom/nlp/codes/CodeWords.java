package org.chartroom.nlp.codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The words the code index compares: lower case, letters and digits only, stemmed (Snowball English, but an
 * "-itis" kept whole), with the function words that carry no coding meaning left out. The same normalisation serves index entries, descriptions
 * and the coder's phrase, so they meet on equal terms. Thread-safe (a stemmer per call).
 */
public final class CodeWords {
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "and", "or", "in", "on", "to", "at",
            "by", "for", "as", "is", "was", "are", "s", "from", "into", "its", "his", "her", "this", "that", "be",
            "has", "had", "have", "patient", "also", "with", "otherwis", "classifi", "elsewher");

    private CodeWords() {
    }

    /** The normalised words of {@code text}, function words left out. */
    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        EnglishStemmer stemmer = new EnglishStemmer();
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            if (!Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < lower.length() && Character.isLetterOrDigit(lower.charAt(j))) {
                j++;
            }
            String w = stem(stemmer, lower.substring(i, j));
            if (!STOP.contains(w)) {
                out.add(w);
            }
            i = j;
        }
        return out;
    }

    static String stem(EnglishStemmer stemmer, String word) {
        if (word.length() <= 3 || Character.isDigit(word.charAt(0))) {
            return word;
        }
        // An inflammation is not its organ: the stemmer would make "esophagitis" "esophageal" and "hepatitis"
        // "hepatic".
        if (word.endsWith("itis")) {
            return word;
        }
        if (word.endsWith("itides")) {
            return word.substring(0, word.length() - 3) + "is";
        }
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
