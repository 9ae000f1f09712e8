package org.chartroom.api.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.error.InvalidInputException;

/**
 * The {@code metadata} part of an upload, as JSON:
 * {@code {"patientMrn","patientName","encounterId","type","author","serviceDate","specialty"}}.
 * Parse errors name the position and the field, never the value (values are PHI).
 */
record MetadataForm(String patientMrn, String patientName, String encounterId, String type, String author,
                    String serviceDate, String specialty) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static DocumentMetadata parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException("the metadata part is missing or empty; send it as a JSON object");
        }
        MetadataForm form;
        try {
            form = JSON.readValue(json, MetadataForm.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException("metadata has an unknown field '" + e.getPropertyName()
                    + "'; known fields: patientMrn, patientName, encounterId, type, author, serviceDate, specialty");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidInputException("metadata is not a valid JSON object" + where);
        }
        if (form == null) {
            throw new InvalidInputException("metadata must be a JSON object, not null");
        }
        return form.toMetadata();
    }

    private DocumentMetadata toMetadata() {
        LocalDate date;
        try {
            date = serviceDate == null ? null : LocalDate.parse(serviceDate.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("metadata.serviceDate must be an ISO date such as 2026-03-14");
        }
        if (type == null) {
            throw new InvalidInputException("metadata.type is required; use one of " + DocumentType.codes());
        }
        return new DocumentMetadata(patientMrn, patientName, encounterId, DocumentType.parse(type), author, date,
                specialty);
    }
}
