package org.chartroom.ingest.format;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.chartroom.core.error.UnsupportedMediaTypeException;

/**
 * The media types of the document formats Chartroom knows, and the wording of "we can't read that" for users.
 * Whether a format is actually readable is decided by the configured {@link org.chartroom.core.pipeline.TextExtractor
 * extractors}; this class only names the formats, so messages and the extractors cannot drift apart.
 */
public final class DocumentFormats {
    public static final String PLAIN_TEXT = "text/plain";
    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String DOC = "application/msword";
    public static final String RTF = "application/rtf";
    public static final String HTML = "text/html";
    public static final String XHTML = "application/xhtml+xml";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String TIFF = "image/tiff";
    public static final String BMP = "image/bmp";
    public static final String GIF = "image/gif";
    public static final String WAV = "audio/vnd.wave";
    public static final String MP3 = "audio/mpeg";
    public static final String FLAC = "audio/x-flac";
    public static final String OGG_VORBIS = "audio/vorbis";
    public static final String OGG_OPUS = "audio/opus";
    public static final String OGG = "audio/ogg";
    public static final String M4A = "audio/mp4";

    /** The image formats of scans, read by OCR. */
    public static final List<String> IMAGES = List.of(PNG, JPEG, TIFF, BMP, GIF);

    /** The audio formats of dictations (as Tika names them), read by speech recognition. */
    public static final List<String> AUDIO = List.of(WAV, MP3, FLAC, OGG_VORBIS, OGG_OPUS, OGG, M4A);

    /** Every document format Chartroom knows of, in the order they are listed to users. */
    public static final List<String> KNOWN = List.of(PLAIN_TEXT, PDF, DOCX, DOC, RTF, HTML, XHTML, ODT, PNG, JPEG,
            TIFF, BMP, GIF, WAV, MP3, FLAC, OGG_VORBIS, OGG_OPUS, OGG, M4A);

    private DocumentFormats() {
    }

    /** The media type without parameters, in lower case: {@code "Text/Plain; charset=UTF-8"} → {@code "text/plain"}. */
    public static String baseType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        String base = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
        return base.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The error for content whose detected type cannot be read. Names the detected type and what is supported, and,
     * for images and audio, which later feature will read them.
     *
     * @param detected  the media type detected from the bytes
     * @param supported the media types that can be read, in display order
     */
    public static UnsupportedMediaTypeException unsupported(String detected, Collection<String> supported) {
        StringBuilder message = new StringBuilder("content is ").append(detected)
                .append(", not a supported document type (supported: ")
                .append(supported.stream().collect(Collectors.joining(", "))).append(')');
        if (detected.startsWith("image/")) {
            message.append(IMAGES.contains(detected)
                    ? "; scanned images need OCR: install the tesseract-ocr and tesseract-ocr-eng packages"
                    : "; save the scan as PNG, JPEG, TIFF or PDF");
        } else if (detected.startsWith("audio/") || detected.startsWith("video/")) {
            message.append(AUDIO.contains(detected)
                    ? "; dictations need speech recognition: install ffmpeg and PocketSphinx (apt-get install ffmpeg"
                            + " pocketsphinx pocketsphinx-en-us) or set CHARTROOM_VOSK_MODEL, then restart"
                    : "; save the dictation as WAV, MP3, FLAC, OGG or M4A");
        }
        return new UnsupportedMediaTypeException(message.toString());
    }
}
