package org.chartroom.nlp.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The section header gold ({@code section-gold-dev.tsv}: {@code row_id, char_offset, header, type}, one header per
 * line, a column-name line first). {@code char_offset} counts Unicode code points, as Python does;
 * {@link #charOffset(String, GoldHeader)} converts it to a Java char offset.
 */
public final class SectionGold {
    /** One gold header. */
    public record GoldHeader(String reportId, int codePointOffset, String header, String type) {
    }

    private final Map<String, List<GoldHeader>> byReport;

    private SectionGold(Map<String, List<GoldHeader>> byReport) {
        this.byReport = byReport;
    }

    /**
     * Reads the gold file.
     *
     * @throws IOException when it cannot be read or a line is malformed (the message names the line number)
     */
    public static SectionGold read(Path tsv) throws IOException {
        Map<String, List<GoldHeader>> map = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            int number = 1;
            if (line == null || !line.startsWith("row_id\t")) {
                throw new IOException(tsv + " does not start with the column line 'row_id<TAB>char_offset<TAB>...'");
            }
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IOException(tsv + ":" + number + " has " + f.length + " fields, expected 4");
                }
                try {
                    GoldHeader header = new GoldHeader(f[0], Integer.parseInt(f[1]), f[2], f[3]);
                    map.computeIfAbsent(f[0], k -> new ArrayList<>()).add(header);
                } catch (NumberFormatException e) {
                    throw new IOException(tsv + ":" + number + " has a bad char_offset", e);
                }
            }
        }
        return new SectionGold(map);
    }

    /** The gold headers of one report (empty when it has none), in file order. */
    public List<GoldHeader> headersOf(String reportId) {
        return Collections.unmodifiableList(byReport.getOrDefault(reportId, List.of()));
    }

    /** Total gold headers. */
    public int size() {
        return byReport.values().stream().mapToInt(List::size).sum();
    }

    /**
     * The Java char offset of a gold header in its report text, or -1 when the offset is outside the text or the
     * header text is not there (misaligned gold).
     */
    public static int charOffset(String text, GoldHeader header) {
        int codePoints = text.codePointCount(0, text.length());
        if (header.codePointOffset() < 0 || header.codePointOffset() > codePoints) {
            return -1;
        }
        int offset = text.offsetByCodePoints(0, header.codePointOffset());
        return text.startsWith(header.header(), offset) ? offset : -1;
    }
}
