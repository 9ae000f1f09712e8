package org.chartroom.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.apache.lucene.util.BytesRef;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.text.DocumentClassification;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private final RecordCodec codec = new RecordCodec();

    @Test
    void aRecordStoredBeforeDocumentClassificationsReadsBackWithoutOne() {
        DocumentRecord record = LuceneDocumentStoreTest.fullRecord();
        String json = new String(codec.encode(record), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"classification\""), "new records carry the classification");
        String old = json.replaceAll(",\"classification\":\\{[^}]*}", "");
        assertTrue(!old.contains("classification"), "the field is gone from the old form");
        DocumentRecord read = codec.decode(new BytesRef(old.getBytes(StandardCharsets.UTF_8)), "test record");
        assertEquals(DocumentClassification.NONE, read.latest().orElseThrow().annotation().classification());
        assertEquals(record.latest().orElseThrow().text(), read.latest().orElseThrow().text());
    }
}
