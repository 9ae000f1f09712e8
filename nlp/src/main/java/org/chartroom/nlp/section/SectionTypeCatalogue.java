package org.chartroom.nlp.section;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * The canonical section types (resource {@code section-types.tsv}: type, LOINC code, display). {@code other} is the
 * catch-all for everything that has no better type. Immutable and thread-safe.
 */
public final class SectionTypeCatalogue {
    /** The catch-all type. */
    public static final String OTHER = "other";

    private static final class Standard {
        static final SectionTypeCatalogue INSTANCE = new SectionTypeCatalogue(RuleFile.readResource("section-types.tsv"));
    }

    private final Map<String, SectionType> types;

    SectionTypeCatalogue(List<RuleLine> lines) {
        Map<String, SectionType> byName = new LinkedHashMap<>();
        for (RuleLine line : lines) {
            String name = line.field(0);
            if (!name.matches("[a-z][a-z_]*")) {
                throw new ConfigurationException("bad section type name at " + line.where());
            }
            if (byName.put(name, new SectionType(name, line.field(1), line.field(2))) != null) {
                throw new ConfigurationException("section type " + name + " is listed twice (" + line.where() + ")");
            }
        }
        if (!byName.containsKey(OTHER)) {
            throw new ConfigurationException("the section type catalogue has no '" + OTHER + "' type");
        }
        this.types = Collections.unmodifiableMap(byName);
    }

    /** The catalogue that ships with Chartroom (loaded once). */
    public static SectionTypeCatalogue standard() {
        return Standard.INSTANCE;
    }

    /** The type with this name, if the catalogue has it. */
    public Optional<SectionType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** The type with this name, or the catch-all {@code other} when the catalogue has no such type. */
    public SectionType lookup(String name) {
        return types.getOrDefault(name, types.get(OTHER));
    }

    public boolean contains(String name) {
        return types.containsKey(name);
    }

    /** All types, in catalogue order. */
    public List<SectionType> all() {
        return List.copyOf(types.values());
    }
}
