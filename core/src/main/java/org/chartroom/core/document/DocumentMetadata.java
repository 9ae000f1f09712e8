package org.chartroom.core.document;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.chartroom.core.error.InvalidInputException;

/**
 * What the uploader says about a document. All fields are PHI or close to it: never log them.
 *
 * @param patientMrn  the patient's medical record number (letters, digits, '-', '.', '_'; 1–40 characters)
 * @param patientName the patient's name as written on the report
 * @param encounterId the visit or admission the report belongs to; empty when not known
 * @param type        the document type
 * @param author      who wrote or dictated it (e.g. the physician's name or user id)
 * @param serviceDate the date of service
 * @param specialty   the clinical specialty; empty when not known
 */
public record DocumentMetadata(
        String patientMrn,
        String patientName,
        String encounterId,
        DocumentType type,
        String author,
        LocalDate serviceDate,
        String specialty) {

    private static final Pattern MRN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final int MAX_TEXT = 200;

    public DocumentMetadata {
        if (patientMrn == null || !MRN.matcher(patientMrn).matches()) {
            throw new InvalidInputException("metadata.patientMrn is required: 1-40 letters, digits, '.', '_' or '-'");
        }
        patientName = required("patientName", patientName);
        encounterId = optional("encounterId", encounterId);
        if (type == null) {
            throw new InvalidInputException("metadata.type is required; use one of " + DocumentType.codes());
        }
        author = required("author", author);
        if (serviceDate == null) {
            throw new InvalidInputException("metadata.serviceDate is required (ISO date, e.g. 2026-03-14)");
        }
        specialty = optional("specialty", specialty);
    }

    private static String required(String field, String value) {
        String v = optional(field, value);
        if (v.isEmpty()) {
            throw new InvalidInputException("metadata." + field + " is required");
        }
        return v;
    }

    private static String optional(String field, String value) {
        String v = Objects.requireNonNullElse(value, "").strip();
        if (v.length() > MAX_TEXT) {
            throw new InvalidInputException("metadata." + field + " is longer than " + MAX_TEXT + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("metadata." + field + " contains control characters");
        }
        return v;
    }
}
