package org.chartroom.nlp.codes;

/**
 * One line of the ICD-10-CM order file.
 *
 * @param code        the code with its dot ({@code S82.202A})
 * @param billable    whether it is valid for claims (flag 1), i.e. not a header
 * @param description the long description
 */
public record CodeEntry(String code, boolean billable, String description) {
}
