package org.chartroom.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.ReviewStatus;
import org.chartroom.core.text.Section;

import static org.chartroom.indexer.IndexSchema.AUTHOR;
import static org.chartroom.indexer.IndexSchema.ENCOUNTER;
import static org.chartroom.indexer.IndexSchema.FINAL_CODE;
import static org.chartroom.indexer.IndexSchema.ID;
import static org.chartroom.indexer.IndexSchema.MRN;
import static org.chartroom.indexer.IndexSchema.PATIENT_NAME;
import static org.chartroom.indexer.IndexSchema.RECORD;
import static org.chartroom.indexer.IndexSchema.REVIEW;
import static org.chartroom.indexer.IndexSchema.SECTION;
import static org.chartroom.indexer.IndexSchema.SERVICE_DATE;
import static org.chartroom.indexer.IndexSchema.SPECIALTY;
import static org.chartroom.indexer.IndexSchema.STATUS;
import static org.chartroom.indexer.IndexSchema.TEXT;
import static org.chartroom.indexer.IndexSchema.TYPE;
import static org.chartroom.indexer.IndexSchema.VERSION;

/**
 * Turns a {@link DocumentRecord} into the Lucene document of {@link IndexSchema}. The searchable fields describe the
 * latest version only; the stored record keeps them all. A record without versions (received, processing or
 * failed) still gets its metadata and status fields, so that status filters and facets see it.
 *
 * <p>Thread-safe: holds only the shared codec and facets configuration, both safe for concurrent use.
 */
final class RecordDocumentBuilder {
    private final RecordCodec codec;
    private final FacetsConfig facetsConfig;

    RecordDocumentBuilder(RecordCodec codec, FacetsConfig facetsConfig) {
        this.codec = codec;
        this.facetsConfig = facetsConfig;
    }

    Document build(DocumentRecord record) {
        Document doc = new Document();
        String id = record.id().value();
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));

        DocumentMetadata metadata = record.metadata();
        doc.add(new StringField(MRN, metadata.patientMrn(), Field.Store.NO));
        doc.add(new TextField(PATIENT_NAME, metadata.patientName(), Field.Store.NO));
        doc.add(new StringField(TYPE, metadata.type().code(), Field.Store.NO));
        doc.add(new StringField(AUTHOR, metadata.author(), Field.Store.NO));
        // Stored so that state(id) reads one small field instead of decoding the record.
        doc.add(new StringField(STATUS, record.state().code(), Field.Store.YES));
        addKeywordIfPresent(doc, ENCOUNTER, metadata.encounterId());
        addKeywordIfPresent(doc, SPECIALTY, specialty(record));

        long epochDay = metadata.serviceDate().toEpochDay();
        doc.add(new LongPoint(SERVICE_DATE, epochDay));
        doc.add(new NumericDocValuesField(SERVICE_DATE, epochDay));
        doc.add(new StoredField(SERVICE_DATE, epochDay));

        doc.add(new SortedSetDocValuesFacetField(TYPE, metadata.type().code()));
        doc.add(new SortedSetDocValuesFacetField(AUTHOR, metadata.author()));
        doc.add(new SortedSetDocValuesFacetField(STATUS, record.state().code()));

        record.latest().ifPresent(latest -> addLatestVersion(doc, latest));
        addCodeReview(doc, record);

        doc.add(new StoredField(RECORD, new BytesRef(codec.encode(record))));
        try {
            return facetsConfig.build(doc);
        } catch (IOException e) {
            // Only a taxonomy writer can fail here, and sorted-set facets have none.
            throw new UncheckedIOException("cannot build the facet fields of document " + id, e);
        }
    }

    private static void addLatestVersion(Document doc, DocumentVersion latest) {
        doc.add(new StoredField(VERSION, latest.number()));
        String text = latest.text() == null ? "" : latest.text();
        doc.add(new Field(TEXT, text, IndexSchema.TEXT_WITH_OFFSETS));
        for (String type : sectionTypes(latest)) {
            doc.add(new StringField(SECTION, type, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(SECTION, type));
        }
        if (latest.annotation() == null) {
            return;
        }
        for (Section section : latest.annotation().sections()) {
            if (section.type() == null || section.type().isBlank()) {
                continue;
            }
            // Offsets come from the NLP stage; clamp them rather than fail the whole put on a bad span.
            int start = Math.max(0, Math.min(section.start(), text.length()));
            int end = Math.max(start, Math.min(section.end(), text.length()));
            if (end > start) {
                doc.add(new TextField(IndexSchema.sectionField(section.type()), text.substring(start, end),
                        Field.Store.NO));
            }
        }
    }

    /** Where the document stands with coding, and the final codes of the review that stands (even an outdated one). */
    private static void addCodeReview(Document doc, DocumentRecord record) {
        ReviewStatus.of(record).ifPresent(status -> {
            doc.add(new StringField(REVIEW, status.code(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(REVIEW, status.code()));
        });
        record.latestReview().ifPresent(review -> review.finalCodes()
                .forEach(code -> doc.add(new StringField(FINAL_CODE, code, Field.Store.NO))));
    }

    /**
     * The uploader's specialty; when the uploader gave none, the one the NLP stage suggested for the latest version
     * (so that a specialty filter finds notes filed without one).
     */
    static String specialty(DocumentRecord record) {
        if (!record.metadata().specialty().isEmpty()) {
            return record.metadata().specialty();
        }
        return record.latest().map(DocumentVersion::annotation).map(a -> a.classification().specialty()).orElse("");
    }

    /** The distinct section types of a version, in text order; blank types are skipped. */
    static List<String> sectionTypes(DocumentVersion version) {
        if (version.annotation() == null) {
            return List.of();
        }
        Set<String> types = new LinkedHashSet<>();
        for (Section section : version.annotation().sections()) {
            if (section.type() != null && !section.type().isBlank()) {
                types.add(section.type().strip());
            }
        }
        return List.copyOf(types);
    }

    private static void addKeywordIfPresent(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }
}
