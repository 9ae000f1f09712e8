package org.chartroom.nlp.section;

import java.util.Optional;

/**
 * A canonical section type of the catalogue.
 *
 * @param name    the type name used in annotations (e.g. {@code history_of_present_illness})
 * @param loinc   the LOINC document-section code, or the empty string where none is well established
 * @param display a human-readable description
 */
public record SectionType(String name, String loinc, String display) {
    /** The LOINC document-section code, when the catalogue gives one. */
    public Optional<String> loincCode() {
        return loinc.isEmpty() ? Optional.empty() : Optional.of(loinc);
    }
}
