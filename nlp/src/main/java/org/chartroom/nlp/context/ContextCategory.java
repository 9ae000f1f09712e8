package org.chartroom.nlp.context;

import java.util.Locale;

import org.chartroom.core.error.ConfigurationException;

/** What a trigger phrase of the ConText lexicon does. */
public enum ContextCategory {
    NEGATED, UNCERTAIN, HISTORICAL, HYPOTHETICAL, FAMILY,
    /** Looks like a trigger but is not one ("no increase"); it hides the triggers inside it. */
    PSEUDO,
    /** Ends the scope of every trigger ("but", "however"). */
    TERMINATE;

    static ContextCategory parse(String name, String where) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(where + ": unknown context category '" + name
                    + "'; use negated, uncertain, historical, hypothetical, family, pseudo or terminate");
        }
    }
}
