package org.chartroom.nlp.section;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * Where a spoken heading may start: every place where a phrase of the {@link HeaderVocabulary} begins, matched as
 * whole words in speech-like text (longest phrase first). The vocabulary is the one typed notes use (built in and
 * extended by a site's header file), so a site that adds a header phrase also adds it as a spoken candidate.
 * A trained model adds the header phrases it learned from its notes ({@link SpokenHeadingModel#phrases()}), and a
 * word in front of a known phrase makes a longer candidate ({@link #find}).
 * Phrases of a single letter are left out: "a", "p", "s" are words of every sentence. Immutable and thread-safe.
 */
public final class SpokenHeadingCandidates {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Shorter phrases ({@code a}, {@code p}) are ordinary words or letters of dictated text. */
    static final int MIN_PHRASE_CHARS = 2;
    /** Shorter words before a phrase ({@code of}, {@code iv}) do not make a longer heading of it. */
    static final int MIN_MODIFIER_CHARS = 3;
    static final String FUNCTION_WORDS = "spoken-heading-function-words.txt";

    /**
     * A phrase found at word {@code word}, {@code length} words long, with its context-free type; when
     * {@code modified}, the phrase is a known one after a word of its own ({@code pathological findings}) and the
     * type is the known phrase's.
     */
    public record Candidate(int word, int length, String phrase, String type, boolean modified) {
        /** A known phrase on its own. */
        public Candidate(int word, int length, String phrase, String type) {
            this(word, length, phrase, type, false);
        }

        /** The known phrase: the whole phrase, or what follows the modifying word. */
        public String knownPhrase() {
            return modified ? phrase.substring(phrase.indexOf(' ') + 1) : phrase;
        }

        /** The index of the first word after the phrase. */
        public int end() {
            return word + length;
        }
    }

    /**
     * A text as the spoken-heading scanner reads it: its speech-like view, the words of that view (lower case) with
     * their spans in it, and the candidate starting at each word (null where none).
     */
    public record Reading(SpeechLikeText speech, List<int[]> spans, String[] words, Candidate[] found) {
    }

    /** Phrases by their first word; each list longest first. */
    private final Map<String, List<String[]>> phrasesByFirstWord;
    private final Map<String, String> typeOfPhrase;
    private final Set<String> functionWords;

    public SpokenHeadingCandidates(HeaderVocabulary vocabulary) {
        this(vocabulary, List.of());
    }

    /**
     * The candidates of the vocabulary's phrases and of {@code learnedPhrases} (headers a trained model saw in its
     * notes, see {@link SpokenHeadingModel#phrases()}), each typed by the vocabulary.
     */
    public SpokenHeadingCandidates(HeaderVocabulary vocabulary, Collection<String> learnedPhrases) {
        Map<String, List<String[]>> byFirst = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        Stream.concat(vocabulary.phrases().keySet().stream().sorted(), learnedPhrases.stream().sorted())
                .forEach(phrase -> {
                    String[] words = spokenWords(phrase);
                    String key = String.join(" ", words);
                    if (key.length() < MIN_PHRASE_CHARS || types.containsKey(key)) {
                        return;
                    }
                    types.put(key, vocabulary.classify(phrase));
                    byFirst.computeIfAbsent(words[0], w -> new ArrayList<>()).add(words);
                });
        byFirst.values().forEach(list -> list.sort(Comparator.comparingInt((String[] w) -> w.length).reversed()
                .thenComparing(w -> String.join(" ", w))));
        this.phrasesByFirstWord = Map.copyOf(byFirst);
        this.typeOfPhrase = Map.copyOf(types);
        Set<String> function = new HashSet<>();
        for (RuleLine line : RuleFile.readResource(FUNCTION_WORDS)) {
            function.add(line.field(0).toLowerCase(Locale.ROOT));
        }
        this.functionWords = Set.copyOf(function);
    }

    /** The words of a phrase as a speech recogniser would write them: lower case, punctuation dropped. */
    static String[] spokenWords(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
        String cleaned = NON_WORD.matcher(lower).replaceAll(" ").strip();
        return cleaned.isEmpty() ? new String[0] : cleaned.split(" ");
    }

    /** Whether {@code phrase} (as {@link #spokenWords} gives it, joined by spaces) is a candidate phrase. */
    public boolean knows(String phrase) {
        return typeOfPhrase.containsKey(phrase);
    }

    /** Whether some phrase starts with this (lower-case) word. */
    public boolean startsPhrase(String word) {
        return phrasesByFirstWord.containsKey(word);
    }

    /** Reads {@code text} through its speech-like view and finds the candidates in it. */
    public Reading read(String text) {
        SpeechLikeText speech = SpeechLikeText.of(text);
        List<int[]> spans = speech.wordSpans();
        String[] words = new String[spans.size()];
        for (int k = 0; k < words.length; k++) {
            words[k] = speech.text().substring(spans.get(k)[0], spans.get(k)[1]);
        }
        return new Reading(speech, spans, words, find(words));
    }

    /**
     * For each word of {@code words} (lower case), the longest phrase starting there; where none starts but one
     * starts at the next word, that phrase with this word in front ({@link Candidate#modified()}: written headers
     * such as {@code PATHOLOGICAL FINDINGS} or {@code CHILDHOOD HISTORY} qualify a known phrase with a word the
     * vocabulary cannot list, and without it the heading would be found one word late); else null.
     */
    public Candidate[] find(String[] words) {
        Candidate[] found = new Candidate[words.length];
        for (int i = 0; i < words.length; i++) {
            found[i] = at(words, i);
        }
        for (int i = 0; i + 1 < words.length; i++) {
            Candidate tail = found[i + 1];
            if (found[i] == null && tail != null && modifies(words[i])) {
                found[i] = new Candidate(i, tail.length() + 1, words[i] + " " + tail.phrase(), tail.type(), true);
            }
        }
        return found;
    }

    /** Whether {@code word} may stand before a phrase as part of the heading: no function word, number or letter. */
    private boolean modifies(String word) {
        return word.length() >= MIN_MODIFIER_CHARS && !Character.isDigit(word.charAt(0))
                && !functionWords.contains(word);
    }

    /** Whether {@code word} (lower case) is one of the function words of {@value #FUNCTION_WORDS}. */
    public boolean isFunctionWord(String word) {
        return functionWords.contains(word);
    }

    private Candidate at(String[] words, int i) {
        List<String[]> phrases = phrasesByFirstWord.get(words[i]);
        if (phrases == null) {
            return null;
        }
        for (String[] phrase : phrases) {
            if (i + phrase.length > words.length) {
                continue;
            }
            boolean all = true;
            for (int k = 1; k < phrase.length && all; k++) {
                all = phrase[k].equals(words[i + k]);
            }
            if (all) {
                String key = String.join(" ", phrase);
                return new Candidate(i, phrase.length, key, typeOfPhrase.get(key));
            }
        }
        return null;
    }
}
