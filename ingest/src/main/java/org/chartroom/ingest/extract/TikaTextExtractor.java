package org.chartroom.ingest.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.error.UnsupportedMediaTypeException;
import org.chartroom.core.pipeline.TextExtractor;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.core.text.Page;
import org.chartroom.ingest.FailureSummary;
import org.chartroom.ingest.format.DocumentFormats;
import org.chartroom.ingest.format.MediaTypeSniffer;
import org.chartroom.ingest.ocr.PageProgress;
import org.chartroom.ingest.ocr.ScanRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Extracts text with Apache Tika's parsers from plain text, PDF, DOCX, DOC, RTF, HTML/XHTML and ODT, and, when given a
 * {@link ScanRecognizer} and Tesseract is installed, recognises scans: images (PNG, JPEG, TIFF with any number of
 * pages, BMP, GIF) and the pages of a PDF that have no text layer.
 *
 * <ul>
 *   <li>The parser is chosen by the media type the caller detected (Tika is told not to detect again), so intake's
 *       decision and extraction cannot disagree.</li>
 *   <li>PDFs give one {@link Page} per page, numbered from 1; other formats give one page. The whole text is the page
 *       texts joined by a blank line. Text-layer pages have {@code ocr=false} and no confidence.</li>
 *   <li>Tika's own OCR is off (Tesseract skipped, PDF OCR strategy {@code NO_OCR}): a PDF's text layer is read by
 *       Tika, then only its pages without text are rendered and recognised, page by page, by the
 *       {@link ScanRecognizer} ({@code ocr=true}, mean word confidence). Mixed PDFs keep their text-layer pages.</li>
 *   <li>Embedded documents (attachments, pictures, objects inside a DOCX) are not parsed: their text is not part of the
 *       report, and pictures would need OCR.</li>
 *   <li>A document yielding more than {@link ExtractSettings#maxChars()} characters is refused, which also stops
 *       decompression bombs; Tika's own zip-bomb guard applies as well.</li>
 * </ul>
 *
 * <p>Errors: unreadable content → {@link UnprocessableContentException}; a type this extractor does not read →
 * {@link UnsupportedMediaTypeException}; messages name the type, never the content. A failure to read the original
 * itself (a storage problem, not the content's fault) → {@link UncheckedIOException}, so the pipeline retries.
 *
 * <p>Thread-safe: one instance serves all threads (Tika parsers are stateless; each call has its own context).
 * Parse time is not limited yet; a pathological file can hold a worker thread until it finishes.
 */
public final class TikaTextExtractor implements PagedTextExtractor {
    private static final Logger log = LoggerFactory.getLogger(TikaTextExtractor.class);

    /** The formats this extractor reads, in display order. */
    public static final List<String> MEDIA_TYPES = List.of(DocumentFormats.PLAIN_TEXT, DocumentFormats.PDF,
            DocumentFormats.DOCX, DocumentFormats.DOC, DocumentFormats.RTF, DocumentFormats.HTML,
            DocumentFormats.XHTML, DocumentFormats.ODT);
    private static final Set<String> SUPPORTED = Set.copyOf(MEDIA_TYPES);

    private static final EmbeddedDocumentExtractor SKIP_EMBEDDED = new EmbeddedDocumentExtractor() {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // Never called: shouldParseEmbedded says no.
        }
    };

    /** The parser of each supported type, resolved once: Tika's composite lookup rebuilds its map on every call. */
    private final Map<String, Parser> parsers;
    private final MediaTypeSniffer sniffer;
    private final ExtractSettings settings;
    private final Optional<ScanRecognizer> ocr;

    /** Default settings and Tika's default configuration (loading it takes a moment; share the instance). */
    public TikaTextExtractor() {
        this(ExtractSettings.defaults());
    }

    public TikaTextExtractor(ExtractSettings settings) {
        this(TikaConfig.getDefaultConfig(), settings);
    }

    /** Without OCR. Creates {@link ExtractSettings#tempDirectory()} if it does not exist. */
    public TikaTextExtractor(TikaConfig config, ExtractSettings settings) {
        this(config, settings, Optional.empty());
    }

    /**
     * With OCR by {@code ocr} when it is {@link ScanRecognizer#available() available} (otherwise images are not
     * supported and scanned PDF pages come out empty). Creates {@link ExtractSettings#tempDirectory()}; images are
     * spooled there while recognised.
     */
    public TikaTextExtractor(TikaConfig config, ExtractSettings settings, ScanRecognizer ocr) {
        this(config, settings, Optional.of(ocr));
    }

    private TikaTextExtractor(TikaConfig config, ExtractSettings settings, Optional<ScanRecognizer> ocr) {
        this.parsers = resolveParsers(config);
        this.sniffer = new MediaTypeSniffer(config);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ocr = ocr.filter(ScanRecognizer::available);
        try {
            Files.createDirectories(settings.tempDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the extraction temporary directory "
                    + settings.tempDirectory(), e);
        }
    }

    @Override
    public boolean supports(String mediaType) {
        String type = DocumentFormats.baseType(mediaType);
        return SUPPORTED.contains(type) || ocr.isPresent() && DocumentFormats.IMAGES.contains(type);
    }

    /** True when scans are recognised: an OCR engine was given and Tesseract is installed. */
    public boolean recognisesScans() {
        return ocr.isPresent();
    }

    /** {@inheritDoc} The stream is read but not closed. */
    @Override
    public ExtractedText extract(InputStream original, String mediaType) {
        return extract(original, mediaType, PageProgress.NONE);
    }

    /** {@inheritDoc} The stream is read but not closed. */
    @Override
    public ExtractedText extract(InputStream original, String mediaType, PageProgress progress) {
        Objects.requireNonNull(original, "original");
        String type = requireSupported(DocumentFormats.baseType(mediaType));
        SourceStream source = new SourceStream(original);
        TemporaryResources temporary = temporaryResources();
        try {
            return parse(TikaInputStream.get(source, temporary, new Metadata()), type, source, progress);
        } finally {
            closeQuietly(temporary);
        }
    }

    /**
     * Detects the type of a file from its bytes and extracts its text (for the {@code extract} command). The
     * result's {@code mediaType} is the detected type.
     *
     * @throws InvalidInputException         when the file is empty
     * @throws UnsupportedMediaTypeException when the detected type is not one this extractor reads
     * @throws UncheckedIOException          when the file cannot be read
     */
    public ExtractedText extract(Path file) {
        try {
            if (Files.size(file) == 0) {
                throw new InvalidInputException("the file is empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a file to extract its text", e);
        }
        String type = requireSupported(sniffer.detect(file));
        TemporaryResources temporary = temporaryResources();
        try (TikaInputStream in = TikaInputStream.get(file, new Metadata(), temporary)) {
            return parse(in, type, null, PageProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a file to extract its text", e);
        } finally {
            closeQuietly(temporary);
        }
    }

    private ExtractedText parse(TikaInputStream in, String type, SourceStream source, PageProgress progress) {
        if (DocumentFormats.IMAGES.contains(type)) {
            return joined(type, ocr.orElseThrow().recogniseImage(spooled(in, source), progress));
        }
        if (ocr.isEmpty() || !DocumentFormats.PDF.equals(type)) {
            return parseText(in, type, source);
        }
        // Spooled before Tika reads it (Tika would spool a PDF anyway), so pages can be rendered afterwards.
        Path pdf = spooled(in, source);
        ExtractedText text = parseText(in, type, source);
        List<Integer> blank = text.pages().stream().filter(p -> p.text().isBlank()).map(Page::n).toList();
        if (blank.isEmpty()) {
            return text;
        }
        List<Page> pages = new ArrayList<>(text.pages());
        for (Page recognised : ocr.get().recognisePdf(pdf, blank, progress)) {
            pages.set(recognised.n() - 1, recognised);
        }
        return joined(type, pages);
    }

    /** The original as a file: Tika has spooled it already for PDFs, and does so now for images. */
    private static Path spooled(TikaInputStream in, SourceStream source) {
        try {
            return in.getPath();
        } catch (IOException e) {
            if (source != null && source.failure != null) {
                throw new UncheckedIOException("could not read the original", source.failure);
            }
            throw new UncheckedIOException("could not spool the original for recognition", e);
        }
    }

    private ExtractedText parseText(TikaInputStream in, String type, SourceStream source) {
        PageTextHandler pages = new PageTextHandler(settings.maxChars());
        Metadata metadata = new Metadata();
        // Tika would detect the type again; the caller already did, from the same bytes, and intake accepted the
        // document as that type. Keeping that decision means plain text is read as plain text, and so on.
        metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, type);
        try {
            // As AutoDetectParser does: the secure handler stops decompression bombs (absurd expansion ratios).
            SecureContentHandler secure = new SecureContentHandler(new BodyContentHandler(pages), in);
            try {
                parsers.get(type).parse(in, secure, metadata, context());
            } catch (SAXException e) {
                secure.throwIfCauseOf(e);
                throw e;
            }
        } catch (TikaException | SAXException | IOException e) {
            if (pages.limitReached()) {
                throw tooLong();
            }
            if (source != null && source.failure != null) {
                throw new UncheckedIOException("could not read the original", source.failure);
            }
            // The cause's message may quote content, so it is neither chained nor logged; its type is.
            log.debug("could not extract text ({}): {}", type, FailureSummary.of(e));
            throw new UnprocessableContentException("the document (" + type + ") could not be read: the file is "
                    + "corrupt or damaged");
        }
        if (pages.limitReached()) {
            throw tooLong();
        }
        return toExtractedText(type, pages.pageTexts());
    }

    private static Map<String, Parser> resolveParsers(TikaConfig config) {
        Map<MediaType, Parser> all = ((CompositeParser) config.getParser()).getParsers(new ParseContext());
        MediaTypeRegistry registry = config.getMediaTypeRegistry();
        Map<String, Parser> resolved = new HashMap<>();
        for (String name : MEDIA_TYPES) {
            MediaType type = registry.normalize(MediaType.parse(name));
            Parser parser = null;
            while (type != null && parser == null) {
                parser = all.get(type);
                type = registry.getSupertype(type);
            }
            if (parser == null) {
                throw new IllegalStateException("Tika has no parser for " + name + "; is tika-parsers-standard-package "
                        + "on the classpath?");
            }
            resolved.put(name, parser);
        }
        return Map.copyOf(resolved);
    }

    private static ExtractedText toExtractedText(String type, List<String> texts) {
        List<Page> pages = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            pages.add(new Page(i + 1, texts.get(i), false, null));
        }
        return new ExtractedText(type, String.join("\n\n", texts), pages);
    }

    /** The pages' texts joined by a blank line; pages without text (failed or blank) add nothing. */
    private static ExtractedText joined(String type, List<Page> pages) {
        return new ExtractedText(type, String.join("\n\n", pages.stream().map(Page::text)
                .filter(t -> !t.isEmpty()).toList()), pages);
    }

    private UnprocessableContentException tooLong() {
        return new UnprocessableContentException("the document's text is longer than the limit of "
                + settings.maxChars() + " characters (set " + ExtractSettings.MAX_CHARS + ")");
    }

    private String requireSupported(String type) {
        if (!supports(type)) {
            throw DocumentFormats.unsupported(type, MEDIA_TYPES);
        }
        return type;
    }

    private static ParseContext context() {
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        // Bookmarks repeat headings that are already in the page text.
        pdf.setExtractBookmarksText(false);
        context.set(PDFParserConfig.class, pdf);
        context.set(EmbeddedDocumentExtractor.class, SKIP_EMBEDDED);
        return context;
    }

    private TemporaryResources temporaryResources() {
        TemporaryResources temporary = new TemporaryResources();
        temporary.setTemporaryFileDirectory(settings.tempDirectory());
        return temporary;
    }

    private static void closeQuietly(TemporaryResources temporary) {
        try {
            temporary.close();
        } catch (IOException e) {
            log.warn("could not remove extraction temporary files: {}", FailureSummary.of(e));
        }
    }

    /**
     * The caller's stream, not closed when Tika closes its wrapper (the caller owns it), remembering whether reading
     * it failed, to tell a storage failure from a corrupt document.
     */
    private static final class SourceStream extends FilterInputStream {
        private IOException failure;

        SourceStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() {
            // The caller closes the original.
        }
    }
}
