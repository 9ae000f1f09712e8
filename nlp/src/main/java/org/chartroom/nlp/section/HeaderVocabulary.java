package org.chartroom.nlp.section;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;

/**
 * Maps the wording of a section header to a section type: exact phrases first, then ordered keyword rules (resource
 * {@code section-headers.tsv}, format described in the file). A site file of the same format extends it: its phrases
 * replace the built-in ones and its rules are tried first. Immutable and thread-safe.
 *
 * <p>The types returned here are context-free; {@link SectionContextRules} refines them using the surrounding note.
 */
public final class HeaderVocabulary {
    static final String RESOURCE = "section-headers.tsv";

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LINE_BREAK_COMMA = Pattern.compile(",(?! )");
    private static final Pattern PARENTHESISED = Pattern.compile("\\s*\\([^)]*\\)\\s*");
    /** "PROCEDURE #2", "FINDINGS 3" (but not the level in "C5-6"). */
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\s+#?\\s*|#)\\d{1,2}$");
    private static final Pattern TRAILING_SYSTEM = Pattern.compile("(?<=\\S) SYSTEM$");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^THE ");
    private static final Pattern PART_SEPARATOR = Pattern.compile("\\s*/\\s*|, | AND | & | OR | - ");

    private static final class Standard {
        static final HeaderVocabulary INSTANCE = new HeaderVocabulary(SectionTypeCatalogue.standard(),
                RuleFile.readResource(RESOURCE), List.of());
    }

    private record KeywordRule(Pattern pattern, String type) {
    }

    private final Map<String, String> phrases;
    private final List<KeywordRule> wholeHeaderRules;
    private final List<KeywordRule> rules;

    HeaderVocabulary(SectionTypeCatalogue catalogue, List<RuleLine> builtIn, List<RuleLine> site) {
        Map<String, String> phraseMap = new HashMap<>();
        List<KeywordRule> siteWhole = new ArrayList<>();
        List<KeywordRule> siteRules = new ArrayList<>();
        List<KeywordRule> builtInWhole = new ArrayList<>();
        List<KeywordRule> builtInRules = new ArrayList<>();
        read(catalogue, builtIn, phraseMap, builtInWhole, builtInRules);
        read(catalogue, site, phraseMap, siteWhole, siteRules);
        siteWhole.addAll(builtInWhole);
        siteRules.addAll(builtInRules);
        this.phrases = Collections.unmodifiableMap(phraseMap);
        this.wholeHeaderRules = List.copyOf(siteWhole);
        this.rules = List.copyOf(siteRules);
    }

    /** The vocabulary that ships with Chartroom (loaded once). */
    public static HeaderVocabulary standard() {
        return Standard.INSTANCE;
    }

    /**
     * The built-in vocabulary extended by a site's file (same format as {@code section-headers.tsv}).
     *
     * @throws ConfigurationException when the file cannot be read or a line is malformed; the message names the line
     */
    public static HeaderVocabulary withSiteFile(Path siteFile) {
        return new HeaderVocabulary(SectionTypeCatalogue.standard(), RuleFile.readResource(RESOURCE),
                RuleFile.readFile(siteFile));
    }

    private static void read(SectionTypeCatalogue catalogue, List<RuleLine> lines, Map<String, String> phraseMap,
                             List<KeywordRule> wholeRuleList, List<KeywordRule> ruleList) {
        for (RuleLine line : lines) {
            String pattern = line.field(0);
            String type = line.field(1);
            if (pattern.isEmpty() || type.isEmpty()) {
                throw new ConfigurationException("section header rule needs 'pattern<TAB>type' at " + line.where());
            }
            if (!catalogue.contains(type)) {
                throw new ConfigurationException("unknown section type '" + type + "' at " + line.where()
                        + "; use a type of section-types.tsv");
            }
            boolean whole = pattern.startsWith("=/");
            String regex = whole ? pattern.substring(1) : pattern;
            if (regex.length() >= 2 && regex.startsWith("/") && regex.endsWith("/")) {
                try {
                    KeywordRule rule = new KeywordRule(Pattern.compile(regex.substring(1, regex.length() - 1)), type);
                    (whole ? wholeRuleList : ruleList).add(rule);
                } catch (PatternSyntaxException e) {
                    throw new ConfigurationException("bad regular expression at " + line.where() + ": "
                            + e.getDescription(), e);
                }
            } else {
                phraseMap.put(normalize(pattern), type);
            }
        }
    }

    /**
     * The header as the vocabulary compares it: upper case, a comma that stands for a line break ({@code ,} not
     * followed by a space, as in a wrapped {@code ASSESSMENT AND ,PLAN}) read as a space, runs of spaces collapsed.
     */
    public static String normalize(String header) {
        String upper = header.toUpperCase(Locale.ROOT);
        upper = LINE_BREAK_COMMA.matcher(upper).replaceAll(" ");
        return SPACES.matcher(upper).replaceAll(" ").strip();
    }

    /** The type of an exactly listed phrase (after normalising), without keyword rules. */
    public Optional<String> phraseType(String header) {
        return Optional.ofNullable(phrases.get(normalize(header)));
    }

    /**
     * The context-free type of a header, or empty when neither a phrase nor a keyword rule knows it.
     * Tries, in order: the phrase; the phrase without parenthesised parts, trailing numbers and a leading "THE";
     * the whole-header rules ({@code =/regex/}); the first-named part of a combined header
     * ({@code FAMILY/SOCIAL HISTORY} -> {@code FAMILY HISTORY}); the keyword rules on the first-named part, then on
     * the whole header.
     */
    public Optional<String> typeOf(String header) {
        String normalized = normalize(header);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        String known = exact(normalized);
        if (known != null) {
            return Optional.of(known);
        }
        String simplified = simplify(normalized);
        known = exact(simplified);
        if (known != null) {
            return Optional.of(known);
        }
        known = byRule(wholeHeaderRules, simplified);
        if (known != null) {
            return Optional.of(known);
        }
        List<String> firstNamed = firstNamedParts(simplified);
        for (String part : firstNamed) {
            known = exact(part);
            if (known != null) {
                return Optional.of(known);
            }
        }
        for (String part : firstNamed) {
            known = byRule(rules, part);
            if (known != null) {
                return Optional.of(known);
            }
        }
        return Optional.ofNullable(byRule(rules, simplified));
    }

    /** The context-free type of a header; {@code other} when the vocabulary does not know it. */
    public String classify(String header) {
        return typeOf(header).orElse(SectionTypeCatalogue.OTHER);
    }

    /** Whether a phrase or keyword rule knows this header (a known {@code other} such as DOB counts as known). */
    public boolean knows(String header) {
        return typeOf(header).isPresent();
    }

    /** The exactly listed phrases (normalised), for scanners that look for spoken headings. */
    Map<String, String> phrases() {
        return phrases;
    }

    private String exact(String normalized) {
        return phrases.get(normalized);
    }

    private static String byRule(List<KeywordRule> ruleList, String normalized) {
        for (KeywordRule rule : ruleList) {
            if (rule.pattern().matcher(normalized).find()) {
                return rule.type();
            }
        }
        return null;
    }

    private static String simplify(String normalized) {
        String s = PARENTHESISED.matcher(normalized).replaceAll(" ").strip();
        s = TRAILING_NUMBER.matcher(s).replaceAll("").strip();
        s = LEADING_ARTICLE.matcher(s).replaceAll("");
        s = TRAILING_SYSTEM.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return s.isEmpty() ? normalized : s;
    }

    /**
     * For a combined header, the first-named part alone and with the last word of the whole header appended
     * ({@code PAST MEDICAL/SURGICAL HISTORY} -> {@code PAST MEDICAL}, {@code PAST MEDICAL HISTORY}); empty otherwise.
     * The part alone comes first so that {@code PROCEDURE AND FINDINGS} stays a procedure.
     */
    private static List<String> firstNamedParts(String normalized) {
        String[] parts = PART_SEPARATOR.split(normalized, 2);
        if (parts.length < 2 || parts[0].isBlank()) {
            return List.of();
        }
        String first = parts[0].strip();
        int lastSpace = normalized.lastIndexOf(' ');
        String headNoun = lastSpace < 0 ? "" : normalized.substring(lastSpace + 1);
        List<String> out = new ArrayList<>(2);
        out.add(first);
        if (!headNoun.isEmpty() && !first.endsWith(headNoun) && headNoun.chars().allMatch(Character::isLetter)) {
            out.add(first + " " + headNoun);
        }
        return out;
    }

    @Override
    public String toString() {
        return "HeaderVocabulary[" + phrases.size() + " phrases, " + rules.size() + " rules]";
    }
}
