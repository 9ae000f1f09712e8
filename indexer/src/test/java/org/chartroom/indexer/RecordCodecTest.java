package org.chartroom.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.chartroom.core.document.Addendum;
import org.chartroom.core.document.CodeDecision;
import org.chartroom.core.document.CodeReview;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.ReviewedCode;
import org.chartroom.core.document.Signature;
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

    /** A record signed, amended and reviewed, as the store writes it. */
    private static DocumentRecord signedAmendedReviewed() {
        DocumentRecord record = LuceneDocumentStoreTest.fullRecord();
        DocumentVersion v2 = record.latest().orElseThrow();
        Instant t = Notes.T0.plusSeconds(9000);
        DocumentVersion v3 = Notes.version(3, v2.text() + "\n\nADDENDUM: troponin negative.");
        return record.withSignature(Signature.of(v2, "dr.who", "Dr. Who", t, "I attest."), record.state(), t)
                .withAddendum(v3, new Addendum(3, "dr.who", "Dr. Who", t, "lab result", v2.text().length()),
                        Signature.of(v3, "dr.who", "Dr. Who", t, "I attest."), t)
                .withCodeReview(new CodeReview(3, "coder", t, List.of(new ReviewedCode("R07.9", "Chest pain,"
                        + " unspecified", CodeDecision.REJECTED, "ruled out")), true), t);
    }

    @Test
    void signaturesAddendaAndReviewsReadBackAsWritten() {
        DocumentRecord record = signedAmendedReviewed();
        DocumentRecord read = codec.decode(new BytesRef(codec.encode(record)), "test record");
        assertEquals(record.signatures(), read.signatures());
        assertEquals(record.addenda(), read.addenda());
        assertEquals(record.codeReviews(), read.codeReviews());
        assertEquals(List.of(), read.latestReview().orElseThrow().finalCodes());
    }

    @Test
    void aRecordStoredBeforeSignaturesAddendaAndReviewsReadsBackWithNone() throws Exception {
        // The form an older build wrote: no such fields at all.
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(codec.encode(signedAmendedReviewed()));
        tree.remove(List.of("signatures", "addenda", "codeReviews"));
        String old = tree.toString();
        for (String field : List.of("signatures", "addenda", "codeReviews", "attestation", "ruled out")) {
            assertTrue(!old.contains(field), field + " is gone from the old form: " + old);
        }
        DocumentRecord read = codec.decode(new BytesRef(old.getBytes(StandardCharsets.UTF_8)), "test record");
        assertEquals(List.of(), read.signatures());
        assertEquals(List.of(), read.addenda());
        assertEquals(List.of(), read.codeReviews());
        assertEquals(3, read.versions().size());
    }
}
