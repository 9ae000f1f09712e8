package org.chartroom.ingest.queue.pulsar;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.pipeline.Stage;
import org.chartroom.core.pipeline.WorkItem;

/**
 * A work item on the wire: {@code {"document":"<id>","version":1,"stage":"NLP"}}, UTF-8 JSON. Ids, numbers and a
 * stage name only: a message never carries PHI, the stores do. The message key is the document id.
 */
final class WorkMessages {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private WorkMessages() {
    }

    record Wire(String document, int version, String stage) {
    }

    static byte[] encode(WorkItem item) {
        try {
            return JSON.writeValueAsBytes(new Wire(item.documentId().value(), item.version(), item.stage().name()));
        } catch (IOException e) {
            throw new IllegalStateException("a work item always serializes", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a work item (a foreign or damaged message) */
    static WorkItem decode(byte[] bytes) {
        try {
            Wire wire = JSON.readValue(bytes, Wire.class);
            return new WorkItem(DocumentId.parse(wire.document()), wire.version(), Stage.valueOf(wire.stage()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a Chartroom work item message", e);
        }
    }
}
