package org.chartroom.nlp.context;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * The ConText lexicon: trigger phrases indexed by their first word. The built-in list is the resource
 * {@code context-triggers.tsv}; a site adds its own file in the same format. Immutable.
 */
public final class ContextRules {
    /** The built-in trigger resource, relative to {@code org/chartroom/nlp/}. */
    public static final String RESOURCE = "context-triggers.tsv";

    private final Map<String, List<ContextTrigger>> byFirstWord;
    private final int size;

    private ContextRules(List<ContextTrigger> triggers) {
        Map<String, List<ContextTrigger>> map = new HashMap<>();
        for (ContextTrigger t : triggers) {
            map.computeIfAbsent(t.words().get(0), k -> new ArrayList<>()).add(t);
        }
        // Longest phrase first, so the first match at a position is the longest one.
        map.replaceAll((k, v) -> {
            v.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
            return List.copyOf(v);
        });
        this.byFirstWord = Collections.unmodifiableMap(map);
        this.size = triggers.size();
    }

    /** The built-in lexicon. */
    public static ContextRules builtIn() {
        return of(RuleFile.readResource(RESOURCE));
    }

    /** The built-in lexicon plus a site's file. */
    public static ContextRules builtInAnd(Path siteFile) {
        List<RuleLine> lines = new ArrayList<>(RuleFile.readResource(RESOURCE));
        lines.addAll(RuleFile.readFile(siteFile));
        return of(lines);
    }

    /**
     * The lexicon of the given rule lines ({@code phrase, category, direction}).
     *
     * @throws ConfigurationException when a line is malformed; the message names the line
     */
    public static ContextRules of(List<RuleLine> lines) {
        List<ContextTrigger> triggers = new ArrayList<>(lines.size());
        for (RuleLine line : lines) {
            if (line.fields().size() < 3) {
                throw new ConfigurationException(line.where() + ": a context trigger needs three tab-separated"
                        + " fields: phrase, category, direction");
            }
            triggers.add(ContextTrigger.parse(line.field(0), line.field(1), line.field(2), line.where()));
        }
        return new ContextRules(triggers);
    }

    /** The triggers whose phrase starts with {@code word}, longest first. */
    List<ContextTrigger> startingWith(String word) {
        return byFirstWord.getOrDefault(word, List.of());
    }

    public int size() {
        return size;
    }
}
