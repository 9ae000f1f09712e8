package org.chartroom.core.pipeline;

import org.chartroom.core.document.DocumentId;

/**
 * "Work to do on document X at version V, stage S". Carries no PHI: the store is the source of truth and the queue
 * only points into it, so a redelivered item does no harm (every stage is idempotent for (document, version)).
 */
public record WorkItem(DocumentId documentId, int version, Stage stage) {
}
