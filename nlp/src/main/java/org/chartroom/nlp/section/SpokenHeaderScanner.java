package org.chartroom.nlp.section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;
import org.chartroom.nlp.section.HeaderCandidate.Placement;

/**
 * Finds spoken section headings in speech-like text (lower case, no punctuation, as a dictation transcript reads):
 * the vocabulary's header phrases, matched as whole words, longest first. Without case and colons a heading can
 * only be told from prose by its wording, so
 * <ul>
 *   <li>only the phrases that {@code spoken-headings.tsv} trusts for their type are used (multi-word phrases by
 *       default; single words only for section types whose heading words are distinctive);</li>
 *   <li>a phrase that reads as part of a sentence is skipped: right after a determiner or preposition
 *       ({@code the procedure}) or right before {@code of}/{@code was}/{@code is} ({@code history of})
 *       ({@code spoken-heading-prose-words.tsv}).</li>
 * </ul>
 * This is the basic version: it does not yet weigh where in the report a phrase stands. Thread-safe.
 */
public final class SpokenHeaderScanner {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Shorter single words ({@code ms}, {@code cv}, {@code ent}) are initials or abbreviations that dictation spells. */
    static final int MIN_SINGLE_WORD_LENGTH = 4;

    private enum Policy {
        ANY, PHRASE, NONE
    }

    /** Phrases by their first word; each list longest first. */
    private final Map<String, List<String[]>> phrasesByFirstWord;
    private final Set<String> proseBefore;
    private final Set<String> proseAfter;

    /** The scanner with the standard spoken-heading policy and prose-word lists. */
    public SpokenHeaderScanner(HeaderVocabulary vocabulary) {
        this(vocabulary, RuleFile.readResource("spoken-headings.tsv"),
                RuleFile.readResource("spoken-heading-prose-words.tsv"));
    }

    SpokenHeaderScanner(HeaderVocabulary vocabulary, List<RuleLine> policyLines, List<RuleLine> proseLines) {
        Map<String, Policy> policies = new HashMap<>();
        for (RuleLine line : policyLines) {
            try {
                policies.put(line.field(0), Policy.valueOf(line.field(1).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("bad spoken-heading policy at " + line.where()
                        + "; use any, phrase or none", e);
            }
        }
        Map<String, List<String[]>> byFirst = new HashMap<>();
        vocabulary.phrases().forEach((phrase, type) -> {
            String[] words = spokenWords(phrase);
            Policy policy = policies.getOrDefault(type, Policy.PHRASE);
            boolean trusted = words.length > 1 ? policy != Policy.NONE
                    : words.length == 1 && policy == Policy.ANY && words[0].length() >= MIN_SINGLE_WORD_LENGTH;
            if (trusted) {
                byFirst.computeIfAbsent(words[0], w -> new ArrayList<>()).add(words);
            }
        });
        byFirst.values().forEach(list -> list.sort(Comparator.comparingInt((String[] w) -> w.length).reversed()
                .thenComparing(w -> String.join(" ", w))));
        this.phrasesByFirstWord = Map.copyOf(byFirst);
        Set<String> before = new HashSet<>();
        Set<String> after = new HashSet<>();
        for (RuleLine line : proseLines) {
            switch (line.field(1)) {
                case "before" -> before.add(line.field(0).toLowerCase(Locale.ROOT));
                case "after" -> after.add(line.field(0).toLowerCase(Locale.ROOT));
                default -> throw new ConfigurationException("bad position at " + line.where()
                        + "; use before or after");
            }
        }
        this.proseBefore = Set.copyOf(before);
        this.proseAfter = Set.copyOf(after);
    }

    /** The words of a phrase as a speech recogniser would write them: lower case, punctuation dropped. */
    static String[] spokenWords(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT).replace("'", "");
        String cleaned = NON_WORD.matcher(lower).replaceAll(" ").strip();
        return cleaned.isEmpty() ? new String[0] : cleaned.split(" ");
    }

    /** The spoken headings of {@code text}, in order, non-overlapping. */
    public List<HeaderCandidate> scan(String text) {
        List<int[]> words = wordSpans(text);
        List<HeaderCandidate> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int matched = matchAt(text, words, i);
            if (matched > 0 && !readsAsProse(text, words, i, matched)) {
                int start = words.get(i)[0];
                int end = words.get(i + matched - 1)[1];
                found.add(new HeaderCandidate(start, end, end, Placement.LINE_START));
                i += matched;
            } else {
                i++;
            }
        }
        return found;
    }

    private boolean readsAsProse(String text, List<int[]> words, int i, int length) {
        if (i > 0 && proseBefore.contains(word(text, words.get(i - 1)))) {
            return true;
        }
        int after = i + length;
        if (after >= words.size() || endsSentence(text, words.get(after - 1)[1])) {
            // A heading introduces something: words that end the text or a sentence ("denies drug use.") are prose.
            return true;
        }
        return proseAfter.contains(word(text, words.get(after)));
    }

    private static boolean endsSentence(String text, int end) {
        int j = end;
        while (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        return j < text.length() && (text.charAt(j) == '.' || text.charAt(j) == '?' || text.charAt(j) == '!');
    }

    private int matchAt(String text, List<int[]> words, int i) {
        List<String[]> candidates = phrasesByFirstWord.get(word(text, words.get(i)));
        if (candidates == null) {
            return 0;
        }
        for (String[] phrase : candidates) {
            if (i + phrase.length > words.size()) {
                continue;
            }
            boolean all = true;
            for (int k = 1; k < phrase.length && all; k++) {
                all = phrase[k].equals(word(text, words.get(i + k)));
            }
            if (all) {
                return phrase.length;
            }
        }
        return 0;
    }

    private static String word(String text, int[] span) {
        return text.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
    }

    /** Spans of letter/digit runs. */
    private static List<int[]> wordSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                spans.add(new int[] {start, i});
            }
        }
        return spans;
    }
}
