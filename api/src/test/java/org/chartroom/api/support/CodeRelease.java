package org.chartroom.api.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small ICD-10-CM release in the CDC layouts, written by a test: the order file (codes, billable flags,
 * descriptions), the Alphabetic Index flattened to CSV and, optionally, a Tabular List XML. Enough to build a real
 * code index in seconds.
 */
public final class CodeRelease {
    /** The header of the flattened index CSV; the rows follow it. */
    public static final String INDEX_HEADER = "RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code";

    private CodeRelease() {
    }

    /**
     * One line of the order file.
     *
     * @param code     without the dot, as the order file writes it ({@code E119})
     * @param billable false for a category header
     */
    public record Code(String code, boolean billable, String description) {
        public static Code billable(String code, String description) {
            return new Code(code, true, description);
        }

        public static Code header(String code, String description) {
            return new Code(code, false, description);
        }
    }

    /**
     * Writes the release into {@code folder} (created if needed) and returns it.
     *
     * @param indexRows the rows of the flattened index, after {@link #INDEX_HEADER}
     * @param tabular   the Tabular List XML, or null for none
     */
    public static Path write(Path folder, List<Code> codes, String indexRows, String tabular) throws IOException {
        Files.createDirectories(folder);
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) {
            Code c = codes.get(i);
            String d = c.description();
            order.append(String.format("%05d %-7s %d %-60s %s%n", i + 1, c.code(), c.billable() ? 1 : 0,
                    d.substring(0, Math.min(60, d.length())), d));
        }
        Files.writeString(folder.resolve("icd10cm-order-2026.txt"), order, StandardCharsets.ISO_8859_1);
        Files.writeString(folder.resolve("ICD10CM_2026_Index.csv"), INDEX_HEADER + "\n" + indexRows,
                StandardCharsets.UTF_8);
        if (tabular != null) {
            Files.writeString(folder.resolve("icd10cm_tabular_2026.xml"), tabular, StandardCharsets.UTF_8);
        }
        return folder;
    }
}
