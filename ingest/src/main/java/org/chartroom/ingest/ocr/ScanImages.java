package org.chartroom.ingest.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.chartroom.core.error.UnprocessableContentException;
import org.w3c.dom.Node;

/**
 * The pages of an image file (PNG, JPEG, BMP, GIF, or TIFF with any number of pages), read one at a time with Java's
 * image readers so that only one page is in memory. Each page's pixel dimensions are read from its header and checked
 * against a limit before it is decoded: a small file can declare a gigapixel image (a decompression bomb).
 *
 * <p>A GIF is one page (its first frame); only TIFF has pages. Not thread-safe; close it.
 */
public final class ScanImages implements AutoCloseable {
    static {
        ImageIO.setUseCache(false);  // ImageIO would otherwise cache image streams in files under java.io.tmpdir
    }

    private final ImageInputStream input;
    private final ImageReader reader;
    private final int pages;
    private final long maxPixels;

    private ScanImages(ImageInputStream input, ImageReader reader, int pages, long maxPixels) {
        this.input = input;
        this.reader = reader;
        this.pages = pages;
        this.maxPixels = maxPixels;
    }

    /**
     * Opens an image file and counts its pages.
     *
     * @throws UnprocessableContentException when the file is not a readable image or has no pages
     * @throws UncheckedIOException          when the file cannot be read
     */
    public static ScanImages open(Path file, long maxPixels) {
        try {
            return open(ImageIO.createImageInputStream(file.toFile()), maxPixels);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an image file", e);
        }
    }

    /**
     * Opens an image from a stream (e.g. a sealed upload being decrypted); the stream is read but not closed. ImageIO
     * caches in memory, never in a temporary file: the pages are PHI.
     */
    public static ScanImages open(InputStream in, long maxPixels) {
        try {
            return open(ImageIO.createImageInputStream(in), maxPixels);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an image", e);
        }
    }

    private static ScanImages open(ImageInputStream input, long maxPixels) {
        if (input == null) {
            throw new UncheckedIOException(new IOException("could not open an image file"));
        }
        try {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw corrupt();
            }
            ImageReader reader = readers.next();
            reader.setInput(input, false, false);
            boolean multiPage = reader.getFormatName().toLowerCase(java.util.Locale.ROOT).contains("tif");
            int pages = multiPage ? reader.getNumImages(true) : 1;
            if (pages < 1) {
                throw new UnprocessableContentException("the image file has no pages");
            }
            return new ScanImages(input, reader, pages, maxPixels);
        } catch (IOException | RuntimeException e) {
            closeQuietly(input);
            if (e instanceof UnprocessableContentException u) {
                throw u;
            }
            // Image readers report damage as IOException and, for some malformed headers, as runtime exceptions.
            throw corrupt();
        }
    }

    /**
     * Checks, from the headers alone, that every page can be decoded within the limits: what intake can afford to
     * check at upload time.
     *
     * @throws UnprocessableContentException when the file is corrupt, has too many pages, or a page is too large
     */
    public static void check(InputStream content, long maxPixels, int maxPages) {
        try (ScanImages images = open(content, maxPixels)) {
            if (images.pages() > maxPages) {
                throw tooManyPages(images.pages(), maxPages);
            }
            for (int i = 0; i < images.pages(); i++) {
                images.checkSize(i);
            }
        }
    }

    static UnprocessableContentException tooManyPages(int pages, int maxPages) {
        return new UnprocessableContentException("the document has " + pages + " pages to recognise, more than the "
                + "limit of " + maxPages + " (set " + OcrSettings.MAX_PAGES + "), or split it into parts");
    }

    public int pages() {
        return pages;
    }

    /**
     * Decodes one page to grey scale, with its resolution.
     *
     * @param index from 0
     * @throws Tesseract.PageFailure when the page is too large or cannot be decoded
     */
    public ScanPage read(int index) throws Tesseract.PageFailure {
        try {
            checkSize(index);
        } catch (UnprocessableContentException e) {
            throw new Tesseract.PageFailure(e.getMessage());
        }
        try {
            BufferedImage image = reader.read(index);
            int[] dpi = resolution(reader.getImageMetadata(index));
            return new ScanPage(GreyImage.of(image), dpi[0], dpi[1]);
        } catch (IOException | RuntimeException e) {
            throw new Tesseract.PageFailure("the page image is corrupt or could not be decoded");
        }
    }

    private void checkSize(int index) {
        long width;
        long height;
        try {
            width = reader.getWidth(index);
            height = reader.getHeight(index);
        } catch (IOException | RuntimeException e) {
            throw corrupt();
        }
        if (width * height > maxPixels) {
            throw new UnprocessableContentException("page " + (index + 1) + " is " + width + " × " + height
                    + " pixels, larger than the limit of " + maxPixels + " pixels (set " + OcrSettings.MAX_PIXELS
                    + "); scan at 300 dpi");
        }
    }

    /** Horizontal and vertical dpi from the standard metadata tree (millimetres per pixel); 0 when absent. */
    private static int[] resolution(IIOMetadata metadata) {
        int[] dpi = {0, 0};
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return dpi;
        }
        Node root = metadata.getAsTree("javax_imageio_1.0");
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!"Dimension".equals(node.getNodeName())) {
                continue;
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                int axis = "HorizontalPixelSize".equals(child.getNodeName()) ? 0
                        : "VerticalPixelSize".equals(child.getNodeName()) ? 1 : -1;
                Node value = child.getAttributes() == null ? null : child.getAttributes().getNamedItem("value");
                if (axis >= 0 && value != null) {
                    dpi[axis] = toDpi(value.getNodeValue());
                }
            }
        }
        return dpi[0] > 0 && dpi[1] > 0 ? dpi : new int[] {0, 0};
    }

    private static int toDpi(String millimetresPerPixel) {
        try {
            double mm = Double.parseDouble(millimetresPerPixel);
            long dpi = Math.round(25.4 / mm);
            // Files without a real resolution carry placeholders (1 dpi, 72 dpi from screen tools are kept as given).
            return dpi >= 50 && dpi <= 2400 ? (int) dpi : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static UnprocessableContentException corrupt() {
        return new UnprocessableContentException("the image is corrupt or in an unsupported variant; save it again "
                + "as PNG, TIFF or PDF");
    }

    @Override
    public void close() {
        reader.dispose();
        closeQuietly(input);
    }

    private static void closeQuietly(ImageInputStream input) {
        try {
            input.close();
        } catch (IOException e) {
            // Nothing was written; nothing to lose.
        }
    }
}
