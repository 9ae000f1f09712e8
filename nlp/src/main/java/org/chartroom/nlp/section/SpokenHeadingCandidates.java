package org.chartroom.nlp.section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a spoken heading may start: every place where a phrase of the {@link HeaderVocabulary} begins, matched as
 * whole words in speech-like text (longest phrase first). The vocabulary is the one typed notes use (built in and
 * extended by a site's header file), so a site that adds a header phrase also adds it as a spoken candidate.
 * Phrases of a single letter are left out: "a", "p", "s" are words of every sentence. Immutable and thread-safe.
 */
public final class SpokenHeadingCandidates {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Shorter phrases ({@code a}, {@code p}) are ordinary words or letters of dictated text. */
    static final int MIN_PHRASE_CHARS = 2;

    /** A vocabulary phrase found at word {@code word}, {@code length} words long, with its context-free type. */
    public record Candidate(int word, int length, String phrase, String type) {
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

    public SpokenHeadingCandidates(HeaderVocabulary vocabulary) {
        Map<String, List<String[]>> byFirst = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        vocabulary.phrases().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] words = spokenWords(e.getKey());
            String key = String.join(" ", words);
            if (key.length() < MIN_PHRASE_CHARS || types.containsKey(key)) {
                return;
            }
            types.put(key, vocabulary.classify(e.getKey()));
            byFirst.computeIfAbsent(words[0], w -> new ArrayList<>()).add(words);
        });
        byFirst.values().forEach(list -> list.sort(Comparator.comparingInt((String[] w) -> w.length).reversed()
                .thenComparing(w -> String.join(" ", w))));
        this.phrasesByFirstWord = Map.copyOf(byFirst);
        this.typeOfPhrase = Map.copyOf(types);
    }

    /** The words of a phrase as a speech recogniser would write them: lower case, punctuation dropped. */
    static String[] spokenWords(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
        String cleaned = NON_WORD.matcher(lower).replaceAll(" ").strip();
        return cleaned.isEmpty() ? new String[0] : cleaned.split(" ");
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

    /** For each word of {@code words} (lower case), the longest phrase starting there, or null. */
    public Candidate[] find(String[] words) {
        Candidate[] found = new Candidate[words.length];
        for (int i = 0; i < words.length; i++) {
            found[i] = at(words, i);
        }
        return found;
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
