package org.chartroom.ingest.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * Detects the media type of a file from its bytes, with Tika's default detector (magic numbers, and container
 * inspection for OOXML, OpenDocument and OLE2 formats such as DOCX, ODT and DOC). The file name is never consulted:
 * clients name files carelessly, and a PNG called {@code report.pdf} is still a PNG.
 *
 * <p>Text that Tika assigns a more specific text-based type Chartroom has no reader for (for example a letter whose
 * first line is {@code From: Dr Smith}, which Tika calls {@code message/rfc822}) is reported as {@code text/plain},
 * because that is how it will be read. XML is not: its markup is not a report's text, so it keeps its own type.
 *
 * <p>Thread-safe: Tika's detectors are stateless.
 */
public final class MediaTypeSniffer {
    private static final MediaType XML = MediaType.application("xml");

    private final Detector detector;
    private final MediaTypeRegistry registry;

    /** Uses Tika's default configuration (loading it takes a moment; share the instance). */
    public MediaTypeSniffer() {
        this(TikaConfig.getDefaultConfig());
    }

    public MediaTypeSniffer(TikaConfig config) {
        this.detector = config.getDetector();
        this.registry = config.getMediaTypeRegistry();
    }

    /**
     * The media type of the file's content, without parameters (e.g. {@code application/pdf}); an empty or
     * unrecognised file is {@code application/octet-stream}.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public String detect(Path file) {
        // Deliberately no RESOURCE_NAME_KEY in the metadata: detection must depend on the bytes alone.
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return normalise(detector.detect(in, new Metadata()).getBaseType());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a staged file to detect its type", e);
        }
    }

    /**
     * The media type of a stream's content (e.g. a staged upload being decrypted), like {@link #detect(Path)}.
     * Container formats may make Tika spool the stream to a temporary file: it goes to {@code scratch} (inside the
     * data directory, never the system temporary directory) and is deleted before this returns. The stream is read
     * but not closed.
     */
    public String detect(InputStream content, Path scratch) {
        TemporaryResources temporary = new TemporaryResources();
        temporary.setTemporaryFileDirectory(scratch);
        try (TikaInputStream in = TikaInputStream.get(content, temporary, new Metadata())) {
            return normalise(detector.detect(in, new Metadata()).getBaseType());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a staged upload to detect its type", e);
        }
    }

    private String normalise(MediaType detected) {
        String type = detected.toString();
        if (DocumentFormats.KNOWN.contains(type)) {
            return type;
        }
        boolean textBased = registry.isSpecializationOf(detected, MediaType.TEXT_PLAIN);
        boolean xml = detected.equals(XML) || registry.isSpecializationOf(detected, XML);
        return textBased && !xml ? DocumentFormats.PLAIN_TEXT : type;
    }
}
