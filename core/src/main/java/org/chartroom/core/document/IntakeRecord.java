package org.chartroom.core.document;

/**
 * What intake knows of an accepted upload: enough to (re)run the whole pipeline from the stored original.
 * Written durably together with the original before the upload is acknowledged.
 */
public record IntakeRecord(DocumentId id, DocumentMetadata metadata, Original original) {
}
