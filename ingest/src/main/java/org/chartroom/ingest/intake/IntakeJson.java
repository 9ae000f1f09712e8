package org.chartroom.ingest.intake;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.document.IntakeRecord;

/**
 * The on-disk form of {@code intake.json}: an {@link IntakeRecord} with ids as plain strings, document types by their
 * wire code and times in ISO-8601. Unknown properties are ignored so that a newer release can add fields without
 * making older originals unreadable. The mapper is thread-safe once built.
 */
final class IntakeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("chartroom-intake")
                    .addSerializer(DocumentId.class, new DocumentIdSerializer())
                    .addDeserializer(DocumentId.class, new DocumentIdDeserializer())
                    .addSerializer(DocumentType.class, new DocumentTypeSerializer())
                    .addDeserializer(DocumentType.class, new DocumentTypeDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private IntakeJson() {
    }

    static byte[] write(IntakeRecord record) throws IOException {
        return MAPPER.writeValueAsBytes(record);
    }

    static IntakeRecord read(byte[] json) throws IOException {
        return MAPPER.readValue(json, IntakeRecord.class);
    }

    private static final class DocumentIdSerializer extends JsonSerializer<DocumentId> {
        @Override
        public void serialize(DocumentId id, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(id.value());
        }
    }

    private static final class DocumentIdDeserializer extends JsonDeserializer<DocumentId> {
        @Override
        public DocumentId deserialize(JsonParser in, DeserializationContext context) throws IOException {
            return DocumentId.parse(in.getValueAsString());
        }
    }

    private static final class DocumentTypeSerializer extends JsonSerializer<DocumentType> {
        @Override
        public void serialize(DocumentType type, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(type.code());
        }
    }

    private static final class DocumentTypeDeserializer extends JsonDeserializer<DocumentType> {
        @Override
        public DocumentType deserialize(JsonParser in, DeserializationContext context) throws IOException {
            return DocumentType.parse(in.getValueAsString());
        }
    }
}
