package org.chartroom.nlp.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chartroom.core.error.ConfigurationException;

/**
 * Reads a rule file: UTF-8 text, one rule per line, fields separated by tabs. Blank lines and lines whose first
 * non-blank character is {@code #} are comments. Fields are trimmed.
 */
public final class RuleFile {
    private RuleFile() {
    }

    /**
     * Reads a rule resource that ships with this module, named relative to {@code org/chartroom/nlp/}.
     *
     * @throws ConfigurationException when the resource is missing (a broken build, not a user error)
     */
    public static List<RuleLine> readResource(String name) {
        String path = "/org/chartroom/nlp/" + name;
        try (InputStream in = RuleFile.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ConfigurationException("NLP rule resource " + path + " is missing from the classpath;"
                        + " the chartroom-nlp jar is incomplete, rebuild it");
            }
            return parse(path, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read NLP rule resource " + path, e);
        }
    }

    /**
     * Reads a site's rule file.
     *
     * @throws ConfigurationException when the file cannot be read; the message names the path
     */
    public static List<RuleLine> readFile(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigurationException("cannot read the site rule file " + file
                    + "; check the path and that it is UTF-8 text", e);
        }
    }

    static List<RuleLine> parse(String source, BufferedReader reader) throws IOException {
        List<RuleLine> lines = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> fields = Arrays.stream(line.split("\t", -1)).map(String::strip).toList();
            lines.add(new RuleLine(source, number, fields));
        }
        return lines;
    }
}
