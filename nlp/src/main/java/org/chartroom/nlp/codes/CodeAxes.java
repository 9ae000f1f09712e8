package org.chartroom.nlp.codes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.chartroom.core.text.CodeAxis;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * Says how a code was chosen among its siblings along each axis of {@code code-axes.tsv} (laterality, acuity,
 * episode of care, open or closed and displaced or not for fractures): the code's value, whether the text states
 * it, and when it does not, why the value is the default. An axis is reported when a sibling code is the same
 * condition with another value of it. The episode's value is the 7th character's
 * meaning from the Tabular List when the category has a 7th-character table. Immutable and thread-safe.
 */
public final class CodeAxes {
    /** The built-in axes resource, relative to {@code org/chartroom/nlp/}. */
    static final String AXES = "code-axes.tsv";
    private static final String UNSPECIFIED = "unspecified";
    private static final String EPISODE = "episode";
    private static final String NOT_STATED = "not stated in the text";
    private static final Pattern UNSPECIFIED_WORD = Pattern.compile("\\bunspecified\\b");

    private record Value(String name, Pattern description, Pattern text, String reason) {
    }

    private final CodeTable codes;
    private final TabularNotes notes;
    private final Map<String, List<Value>> axes;
    /** Per axis and category: each description without the axis's words, and the axis values it comes with. */
    private final Map<String, Map<String, Set<String>>> families = new java.util.concurrent.ConcurrentHashMap<>();

    public CodeAxes(CodeIndex index) {
        this(index, RuleFile.readResource(AXES));
    }

    CodeAxes(CodeIndex index, List<RuleLine> lines) {
        this.codes = index.codeTable();
        this.notes = index.notes();
        Map<String, List<Value>> map = new LinkedHashMap<>();
        for (RuleLine l : lines) {
            map.computeIfAbsent(l.field(0), k -> new ArrayList<>()).add(new Value(l.field(1),
                    compile(l.field(2)), compile(l.field(3)), l.field(4)));
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.axes = Map.copyOf(map);
    }

    private static Pattern compile(String regex) {
        return regex.isEmpty() ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** The axes of {@code code} given the text it was coded from, in the order of the resource. */
    public List<CodeAxis> of(String code, String text) {
        CodeEntry entry = codes.code(code);
        if (entry == null) {
            return List.of();
        }
        List<CodeAxis> out = new ArrayList<>();
        for (String axis : axes.keySet().stream().sorted(this::resourceOrder).toList()) {
            List<Value> values = axes.get(axis);
            if (!seventhCharacterVaries(code, values) && !familyHas(code, axis, values)) {
                continue;
            }
            Value value = valueOf(entry.description(), values).orElse(null);
            String name = value == null ? UNSPECIFIED : value.name();
            if (axis.equals(EPISODE)) {
                name = notes.seventh(code).orElse(name);
            }
            boolean stated = value != null && value.text() != null && value.text().matcher(text).find();
            String reason = stated ? "" : defaultReason(value, values);
            out.add(new CodeAxis(axis, name, stated, reason));
        }
        return out;
    }

    private int resourceOrder(String a, String b) {
        List<String> order = new ArrayList<>(axes.keySet());
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    /** The reason of the value when the resource gives one (it is the default), else of the unspecified value. */
    private static String defaultReason(Value value, List<Value> values) {
        if (value != null) {
            return value.reason().isEmpty() ? NOT_STATED : value.reason();
        }
        return values.stream().filter(v -> v.description() == null).map(Value::reason).findFirst()
                .filter(r -> !r.isEmpty()).orElse(NOT_STATED);
    }

    private static Optional<Value> valueOf(String description, List<Value> values) {
        return values.stream().filter(v -> v.description() != null && v.description().matcher(description).find())
                .findFirst();
    }

    /** Whether the 7th-character table of {@code code}'s category offers two values or more of the axis. */
    private boolean seventhCharacterVaries(String code, List<Value> values) {
        return notes.sevenths(code).stream()
                .map(m -> valueOf(m, values).map(Value::name).orElse(UNSPECIFIED)).distinct().count() > 1;
    }

    /**
     * Whether a code close to {@code code} (the same first five characters, or the same category for a shorter
     * code) is the same condition with another value of the axis. The close codes are grouped once per axis:
     * description without the axis's words to the values seen.
     */
    private boolean familyHas(String code, String axis, List<Value> values) {
        String category = code.substring(0, Math.min(code.length() > 5 ? 5 : 3, code.length()));
        Map<String, Set<String>> groups = families.computeIfAbsent(axis + " " + category, k -> {
            Map<String, Set<String>> g = new HashMap<>();
            for (int c : codes.billableUnder(category)) {
                String description = codes.entry(c).description();
                g.computeIfAbsent(withoutAxis(description, values), x -> new HashSet<>())
                        .add(valueOf(description, values).map(Value::name).orElse(UNSPECIFIED));
            }
            return g;
        });
        return groups.getOrDefault(withoutAxis(codes.code(code).description(), values), Set.of()).size() > 1;
    }

    private static String withoutAxis(String description, List<Value> values) {
        String s = description.toLowerCase(java.util.Locale.ROOT);
        for (Value v : values) {
            if (v.description() != null) {
                s = v.description().matcher(s).replaceAll(" ");
            }
        }
        return UNSPECIFIED_WORD.matcher(s).replaceAll(" ").replaceAll("[^a-z0-9]+", " ").strip();
    }
}
