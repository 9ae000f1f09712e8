package org.chartroom.api.runtime;

import org.chartroom.core.document.DocumentRecord;

/**
 * What a person's change of a record did: the record as stored, and whether anything changed (an identical repeat,
 * such as a retried request, changes nothing and is answered with what is there).
 */
public record Change(DocumentRecord record, boolean changed) {
}
