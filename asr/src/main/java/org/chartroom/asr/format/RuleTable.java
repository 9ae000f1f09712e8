package org.chartroom.asr.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.chartroom.core.error.ConfigurationException;

/**
 * Reads a dictation rule file shipped in this package: UTF-8, one rule per line, tab-separated fields, {@code #}
 * comments and blank lines ignored, fields trimmed.
 */
final class RuleTable {
    private RuleTable() {
    }

    static List<String[]> read(String name, int fields) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = RuleTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigurationException("dictation rule file " + name + " is missing from the classpath;"
                        + " the chartroom-asr jar is incomplete, rebuild it");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < fields) {
                    throw new ConfigurationException("dictation rule file " + name + " line " + number
                            + " needs " + fields + " tab-separated fields");
                }
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].strip();
                }
                rows.add(f);
            }
            return rows;
        } catch (IOException e) {
            throw new ConfigurationException("cannot read dictation rule file " + name, e);
        }
    }
}
