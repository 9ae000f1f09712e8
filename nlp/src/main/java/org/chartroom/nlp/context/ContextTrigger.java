package org.chartroom.nlp.context;

import java.util.List;
import java.util.Locale;

import org.chartroom.core.error.ConfigurationException;

/**
 * One trigger phrase of the ConText lexicon.
 *
 * @param words    the phrase as word tokens ({@link ContextTokens}), lower case
 * @param category what it does
 * @param forward  whether its scope runs to the right of it
 * @param backward whether its scope runs to the left of it
 */
public record ContextTrigger(List<String> words, ContextCategory category, boolean forward, boolean backward) {
    public ContextTrigger {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a trigger needs at least one word");
        }
    }

    static ContextTrigger parse(String phrase, String category, String direction, String where) {
        List<String> words = ContextTokens.of(phrase).stream().map(ContextTokens.Token::word).toList();
        if (words.isEmpty()) {
            throw new ConfigurationException(where + ": empty trigger phrase");
        }
        ContextCategory c = ContextCategory.parse(category, where);
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "forward" -> new ContextTrigger(words, c, true, false);
            case "backward" -> new ContextTrigger(words, c, false, true);
            case "both" -> new ContextTrigger(words, c, true, true);
            default -> throw new ConfigurationException(where + ": unknown trigger direction '" + direction
                    + "'; use forward, backward or both");
        };
    }
}
