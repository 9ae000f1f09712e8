package org.chartroom.indexer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.util.BytesRef;
import org.chartroom.core.document.DocumentRecord;

/**
 * The stored form of a {@link DocumentRecord}: UTF-8 JSON (dates as ISO-8601 strings), kept in the {@code record}
 * stored field. It holds every version, so the index alone can give back everything that was put.
 *
 * <p>Thread-safe and stateless apart from the immutable, pre-built Jackson reader and writer. Error messages name
 * no content: Jackson is told not to quote the source document in its locations, since records are PHI.
 */
final class RecordCodec {
    private final ObjectWriter writer;
    private final ObjectReader reader;

    RecordCodec() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Newer builds may add fields; an older reader must still read the record.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.writer = mapper.writerFor(DocumentRecord.class);
        this.reader = mapper.readerFor(DocumentRecord.class);
    }

    byte[] encode(DocumentRecord record) {
        try {
            return writer.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize the record of document " + record.id(), e);
        }
    }

    /**
     * Decodes a stored record.
     *
     * @param what names the document in the error message (an id, never content)
     */
    DocumentRecord decode(BytesRef bytes, Object what) {
        try {
            return reader.readValue(bytes.bytes, bytes.offset, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored record of document " + what + " cannot be read; the index "
                    + "may have been written by an incompatible Chartroom version", e);
        }
    }
}
