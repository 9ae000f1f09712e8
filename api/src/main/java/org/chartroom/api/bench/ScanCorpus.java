package org.chartroom.api.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.chartroom.api.corpus.MtSamplesReader;

/**
 * A scan corpus with ground truth, generated from MTSamples reports (there is no public one with a clear licence):
 * the first page of each report typeset with PDFBox onto a letter page (11 pt, 1-inch margins), rasterised at
 * 300 dpi, and degraded as real scans and faxes are. The reference text is exactly what was typeset on the page.
 *
 * <p>Generated into a work folder at bench time; never committed (the pages are report text). Deterministic for a
 * given seed.
 */
public final class ScanCorpus {
    /** How a page was degraded; {@code file} is the image's name within the corpus folder. */
    public enum Degradation {
        CLEAN_300("clean 300 dpi"),
        DPI_200("200 dpi"),
        DPI_150("150 dpi"),
        ROTATED("rotated up to ±3°"),
        NOISE("noise"),
        BLUR("blur"),
        JPEG("JPEG artefacts"),
        FAX_FINE("fax fine 204×196 1-bit"),
        FAX_STANDARD("fax standard 204×98 1-bit"),
        SHOW_THROUGH("show-through"),
        /** Fed in sideways or upside down: the clean page turned by 90°, 180° and 270° clockwise, page by page. */
        TURNED("turned 90/180/270°");

        public final String label;

        Degradation(String label) {
            this.label = label;
        }

        /** Whether resolution normalisation changes this variant's image (the others are 300 dpi already). */
        public boolean lowResolution() {
            return this == DPI_200 || this == DPI_150 || this == FAX_FINE || this == FAX_STANDARD;
        }
    }

    /** One generated image and the text on it. */
    public record Scan(int report, Degradation degradation, Path file, String reference) {
    }

    private static final String BUNDLED_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float FONT_SIZE = 11;
    private static final float LEADING = 13.5f;
    private static final float MARGIN = 72;
    private static final int DPI = 300;

    private ScanCorpus() {
    }

    /**
     * Generates {@code pages} pages, each in every degradation, into {@code folder}.
     *
     * @param reports the MTSamples reports to choose from (a seeded sample is taken)
     */
    public static List<Scan> generate(List<MtSamplesReader.Report> reports, int pages, long seed, Path folder) {
        return generate(reports, pages, seed, folder, null);
    }

    /**
     * As {@link #generate(List, int, long, Path)}, typeset in the TrueType font {@code fontFile} (null: Liberation
     * Sans, which PDFBox bundles, so that the corpus is the same on every machine; a standard PDF font such as Times
     * would be drawn with whatever substitute the machine has installed, and the figures would change with it).
     */
    public static List<Scan> generate(List<MtSamplesReader.Report> reports, int pages, long seed, Path folder,
                                      Path fontFile) {
        Random random = new Random(seed);
        List<MtSamplesReader.Report> pool = new ArrayList<>(reports);
        java.util.Collections.shuffle(pool, random);
        List<Scan> scans = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < pages && i < pool.size(); i++) {
                Typeset page = typeset(pool.get(i).transcription(), fontFile);
                Typeset backPage = typeset(pool.get((i + 1) % pool.size()).transcription(), fontFile);
                for (Degradation d : Degradation.values()) {
                    Path file = folder.resolve(String.format("page%03d-%s.%s", i + 1,
                            d.name().toLowerCase(java.util.Locale.ROOT), d == Degradation.JPEG ? "jpg" : "png"));
                    degrade(page.image, backPage.image, d, random, i, file);
                    scans.add(new Scan(i + 1, d, file, page.text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the scan corpus to " + folder, e);
        }
        return scans;
    }

    private record Typeset(BufferedImage image, String text) {
    }

    /** Lays out as much of the text as fits on one letter page and renders it at 300 dpi in grey. */
    private static Typeset typeset(String transcription, Path fontFile) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDFont font;
            if (fontFile != null) {
                font = PDType0Font.load(document, fontFile.toFile());
            } else {
                try (InputStream bundled = bundledFont()) {
                    font = PDType0Font.load(document, bundled);
                }
            }
            List<String> lines = layOut(transcription, font);
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, FONT_SIZE);
                content.setLeading(LEADING);
                content.newLineAtOffset(MARGIN, PDRectangle.LETTER.getHeight() - MARGIN - FONT_SIZE);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.GRAY);
            return new Typeset(image, String.join("\n", lines));
        }
    }

    private static InputStream bundledFont() throws IOException {
        InputStream in = PDFont.class.getResourceAsStream(BUNDLED_FONT);
        if (in == null) {
            throw new IOException("PDFBox's bundled font " + BUNDLED_FONT + " is missing; pass a font file");
        }
        return in;
    }

    /** As many lines of the text as fit on one letter page. */
    private static List<String> layOut(String transcription, PDFont font) throws IOException {
        float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
        int maxLines = (int) ((PDRectangle.LETTER.getHeight() - 2 * MARGIN) / LEADING);
        List<String> lines = new ArrayList<>();
        outer:
        for (String paragraph : printable(transcription).split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * FONT_SIZE > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    if (lines.size() == maxLines) {
                        break outer;
                    }
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                if (lines.size() == maxLines) {
                    break;
                }
            }
        }
        return lines;
    }

    /** The text in plain ASCII, which every font can show: MTSamples has a few curly quotes and dashes. */
    private static String printable(String text) {
        String plain = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"')
                .replace('\u201d', '"').replace('\u2013', '-').replace('\u2014', '-').replace('\t', ' ')
                .replace("\r", "");
        StringBuilder out = new StringBuilder(plain.length());
        plain.chars().filter(c -> c == '\n' || c >= 32 && c < 127).forEach(c -> out.append((char) c));
        // MTSamples puts section headings inline ("HISTORY:, The patient"); keep them as they are.
        return out.toString().replace(",,", ",");
    }

    /** Writes page {@code index} (from 0) degraded by {@code d}; only some degradations draw on {@code random}. */
    private static void degrade(BufferedImage page, BufferedImage back, Degradation d, Random random, int index,
                                Path file) throws IOException {
        switch (d) {
            case CLEAN_300 -> write(page, file, DPI, DPI, null);
            case DPI_200 -> write(scale(page, 200.0 / DPI, 200.0 / DPI), file, 200, 200, null);
            case DPI_150 -> write(scale(page, 150.0 / DPI, 150.0 / DPI), file, 150, 150, null);
            case ROTATED -> {
                double degrees = (1 + 2 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
                write(rotate(page, Math.toRadians(degrees)), file, DPI, DPI, null);
            }
            case NOISE -> write(noise(page, random, 28, 0.004), file, DPI, DPI, null);
            case BLUR -> write(blur(page, 1.3), file, DPI, DPI, null);
            case JPEG -> write(page, file, DPI, DPI, 0.15f);
            case FAX_FINE -> write(threshold(scale(page, 204.0 / DPI, 196.0 / DPI)), file, 204, 196, null);
            case FAX_STANDARD -> write(threshold(scale(page, 204.0 / DPI, 98.0 / DPI)), file, 204, 98, null);
            case SHOW_THROUGH -> write(showThrough(page, back, 0.22), file, DPI, DPI, null);
            // No random draw, so adding this variant left the other variants' pages as they were.
            case TURNED -> write(turn(page, index % 3 + 1), file, DPI, DPI, null);
        }
    }

    private static BufferedImage scale(BufferedImage image, double sx, double sy) {
        int width = (int) Math.round(image.getWidth() * sx);
        int height = (int) Math.round(image.getHeight() * sy);
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return scaled;
    }

    private static BufferedImage rotate(BufferedImage image, double radians) {
        BufferedImage rotated = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = rotated.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, AffineTransform.getRotateInstance(radians, image.getWidth() / 2.0,
                image.getHeight() / 2.0), null);
        g.dispose();
        return rotated;
    }

    /** The page turned clockwise by {@code quarters} quarter turns, as a sheet fed into the scanner the wrong way. */
    private static BufferedImage turn(BufferedImage image, int quarters) {
        boolean sideways = quarters % 2 == 1;
        int width = sideways ? image.getHeight() : image.getWidth();
        int height = sideways ? image.getWidth() : image.getHeight();
        BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = turned.createGraphics();
        AffineTransform transform = AffineTransform.getTranslateInstance(width / 2.0, height / 2.0);
        transform.quadrantRotate(quarters);
        transform.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, transform, null);
        g.dispose();
        return turned;
    }

    /** Gaussian noise of {@code sigma} grey levels, plus salt-and-pepper specks on {@code specks} of the pixels. */
    private static BufferedImage noise(BufferedImage image, Random random, double sigma, double specks) {
        BufferedImage noisy = copy(image);
        var raster = noisy.getRaster();
        for (int y = 0; y < noisy.getHeight(); y++) {
            for (int x = 0; x < noisy.getWidth(); x++) {
                double v = raster.getSample(x, y, 0) + random.nextGaussian() * sigma;
                if (random.nextDouble() < specks) {
                    v = random.nextBoolean() ? 0 : 255;
                }
                raster.setSample(x, y, 0, (int) Math.max(0, Math.min(255, Math.round(v))));
            }
        }
        return noisy;
    }

    private static BufferedImage blur(BufferedImage image, double sigma) {
        int radius = (int) Math.ceil(sigma * 2);
        int size = 2 * radius + 1;
        float[] kernel = new float[size * size];
        float sum = 0;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                float w = (float) Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                kernel[(y + radius) * size + x + radius] = w;
                sum += w;
            }
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        BufferedImage padded = copy(image);
        BufferedImage blurred = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(padded, blurred);
        return blurred;
    }

    /** 1-bit, as a fax machine sends it. */
    private static BufferedImage threshold(BufferedImage image) {
        BufferedImage bits = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        var in = image.getRaster();
        var out = bits.getRaster();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setSample(x, y, 0, in.getSample(x, y, 0) >= 128 ? 1 : 0);
            }
        }
        return bits;
    }

    /** The back page, mirrored, showing through the paper at {@code strength} of its darkness. */
    private static BufferedImage showThrough(BufferedImage page, BufferedImage back, double strength) {
        BufferedImage out = copy(page);
        var raster = out.getRaster();
        var behind = back.getRaster();
        int width = Math.min(page.getWidth(), back.getWidth());
        for (int y = 0; y < Math.min(page.getHeight(), back.getHeight()); y++) {
            for (int x = 0; x < width; x++) {
                double ink = (255 - behind.getSample(width - 1 - x, y, 0)) * strength;
                raster.setSample(x, y, 0, (int) Math.max(0, raster.getSample(x, y, 0) - ink));
            }
        }
        return out;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        copy.getRaster().setRect(image.getRaster());
        return copy;
    }

    /** PNG (or JPEG at {@code jpegQuality}) with the resolution recorded, as scanners and fax servers do. */
    private static void write(BufferedImage image, Path file, int dpiX, int dpiY, Float jpegQuality)
            throws IOException {
        String format = jpegQuality == null ? "png" : "jpeg";
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (jpegQuality != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(jpegQuality);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            setResolution(metadata, dpiX, dpiY);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * Through each format's own metadata: Java's PNG writer turns the standard tree's pixel size into a wrong pHYs
     * (pixels per metre off by a factor of 1,000 per inch), which tesseract would then believe.
     */
    private static void setResolution(IIOMetadata metadata, int dpiX, int dpiY) throws IIOInvalidTreeException {
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = new IIOMetadataNode(format);
        if (format.startsWith("javax_imageio_png")) {
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", Long.toString(Math.round(dpiX / 0.0254)));
            phys.setAttribute("pixelsPerUnitYAxis", Long.toString(Math.round(dpiY / 0.0254)));
            phys.setAttribute("unitSpecifier", "meter");
            root.appendChild(phys);
            metadata.mergeTree(format, root);
        } else {
            IIOMetadataNode jfif = (IIOMetadataNode) ((IIOMetadataNode) metadata.getAsTree(format))
                    .getElementsByTagName("app0JFIF").item(0);
            jfif.setAttribute("resUnits", "1");
            jfif.setAttribute("Xdensity", Integer.toString(dpiX));
            jfif.setAttribute("Ydensity", Integer.toString(dpiY));
            metadata.setFromTree(format, jfif.getParentNode().getParentNode());
        }
    }
}
