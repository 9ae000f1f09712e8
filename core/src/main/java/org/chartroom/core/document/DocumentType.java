package org.chartroom.core.document;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.chartroom.core.error.InvalidInputException;

/** The fixed list of clinical document types a report can be filed under. */
public enum DocumentType {
    HISTORY_AND_PHYSICAL("History and physical"),
    CONSULTATION("Consultation"),
    DISCHARGE_SUMMARY("Discharge summary"),
    OPERATIVE_REPORT("Operative report"),
    PROCEDURE_NOTE("Procedure note"),
    PROGRESS_NOTE("Progress note"),
    RADIOLOGY_REPORT("Radiology report"),
    LETTER("Letter"),
    OTHER("Other");

    private final String display;

    DocumentType(String display) {
        this.display = display;
    }

    /** The wire and index form, e.g. {@code discharge_summary}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String display() {
        return display;
    }

    /**
     * Accepts the code ({@code discharge_summary}), the constant name or the display name
     * ({@code Discharge summary}), case-insensitively.
     */
    public static DocumentType parse(String text) {
        if (text != null) {
            String key = text.trim().replace(' ', '_').replace('-', '_').toUpperCase(Locale.ROOT);
            for (DocumentType type : values()) {
                if (type.name().equals(key)) {
                    return type;
                }
            }
        }
        throw new InvalidInputException("unknown document type; use one of " + codes());
    }

    public static String codes() {
        return Arrays.stream(values()).map(DocumentType::code).collect(Collectors.joining(", "));
    }
}
