package org.chartroom.api.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** A multipart/form-data upload as {@code POST /api/documents} takes it: a metadata JSON part and a file part. */
public final class Multipart {
    private final String boundary = "chartroom-" + UUID.randomUUID();

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher upload(String metadataJson, String fileName, byte[] content) {
        return HttpRequest.BodyPublishers.ofByteArray(concat(head(metadataJson, fileName), content, tail()));
    }

    /** A body whose file part is produced on the fly (for uploads too large to hold in memory); chunked. */
    public HttpRequest.BodyPublisher streamingUpload(String metadataJson, String fileName,
                                                     Supplier<InputStream> content) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head(metadataJson, fileName)), content.get(),
                new ByteArrayInputStream(tail())))));
    }

    private byte[] head(String metadataJson, String fileName) {
        String s = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + metadataJson + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] tail() {
        return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** Metadata JSON for a test patient. */
    public static String metadata(String mrn, String patientName, String type) {
        return "{\"patientMrn\":\"" + mrn + "\",\"patientName\":\"" + patientName + "\",\"encounterId\":\"E1\","
                + "\"type\":\"" + type + "\",\"author\":\"Dr. Test\",\"serviceDate\":\"2026-03-14\"}";
    }
}
