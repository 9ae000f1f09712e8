package org.chartroom.api.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text of a version an addendum makes: the signed text, unchanged, then the addendum between clear delimiters
 * with who, when and why, laid out by the resource template {@code addendum.txt}. Immutable and thread-safe.
 */
final class AddendumText {
    private static final String TEMPLATE = "addendum.txt";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Set<String> NAMES = Set.of("version", "author", "authorName", "time", "reason", "text");

    private final String template;

    private AddendumText(String template) {
        this.template = template;
    }

    /** The built-in template. */
    static AddendumText builtIn() {
        try (InputStream in = AddendumText.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + TEMPLATE + " is missing from the build");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + TEMPLATE, e);
        }
    }

    /**
     * A template: lines starting with {@code #} are comments; the rest, with its placeholders, is the block.
     *
     * @throws IllegalArgumentException when it names an unknown placeholder or lacks {@code {text}}
     */
    static AddendumText of(String source) {
        String block = source.lines().filter(line -> !line.startsWith("#"))
                .collect(Collectors.joining("\n", "", "\n"));
        Matcher m = PLACEHOLDER.matcher(block);
        boolean hasText = false;
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in the addendum template;"
                        + " use " + NAMES);
            }
            hasText |= m.group(1).equals("text");
        }
        if (!hasText) {
            throw new IllegalArgumentException("the addendum template has no {text}");
        }
        return new AddendumText(block);
    }

    /**
     * The signed text followed by the addendum block. The block starts at {@code signed.length()}.
     *
     * @param version the version the addendum makes
     */
    String compose(String signed, int version, Signer author, Instant time, String reason, String text) {
        Map<String, String> values = Map.of("version", String.valueOf(version), "author", author.user(),
                "authorName", author.name(), "time", time.toString(), "reason", reason, "text", text.strip());
        // One pass: a placeholder-like word in the author's text is left as written.
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(signed.length() + template.length() + text.length()).append(signed);
        int from = 0;
        while (m.find()) {
            out.append(template, from, m.start()).append(values.get(m.group(1)));
            from = m.end();
        }
        return out.append(template, from, template.length()).toString();
    }
}
