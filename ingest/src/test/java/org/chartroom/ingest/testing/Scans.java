package org.chartroom.ingest.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Scans made in the test: text drawn onto images at 300 dpi, so no binary fixture is committed, and the ways scanning
 * spoils them (tilt, show-through, low resolution), made here independently of the code under test.
 */
public final class Scans {
    public static final String[] REPORT = {
        "HISTORY OF PRESENT ILLNESS: The patient is a 64-year-old man with chest pain",
        "on exertion for three weeks, relieved by rest. No pain at rest. He denies",
        "shortness of breath, palpitations or syncope. He has hypertension and type 2",
        "diabetes mellitus, treated with metformin 500 mg twice daily and lisinopril.",
        "PHYSICAL EXAMINATION: Blood pressure 148/90, pulse 78 and regular. Heart sounds",
        "are normal without murmur. Lungs are clear. No peripheral oedema.",
        "ASSESSMENT: Stable angina pectoris. PLAN: Exercise stress test, aspirin 81 mg",
        "daily, atorvastatin 40 mg at night. Follow-up in two weeks with the results.",
        "The patient was given written instructions and agrees with the plan of care.",
        "Signed electronically by the attending physician after review of the chart.",
    };

    private Scans() {
    }

    /** A 300 dpi page of {@link #REPORT}, single-spaced in 11-point type as typed reports are. */
    public static BufferedImage report() {
        return page(46, 56, REPORT);
    }

    /** The page turned by {@code degrees} about its centre (clockwise on screen for positive angles), white behind. */
    public static BufferedImage tilted(BufferedImage page, double degrees) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(degrees), page.getWidth() / 2.0,
                    page.getHeight() / 2.0), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The page turned clockwise by {@code degrees} (90, 180 or 270), as a sheet fed into the scanner the wrong way:
     * Java2D's quarter turn, independent of the code under test.
     */
    public static BufferedImage turned(BufferedImage page, int degrees) {
        int quarters = degrees / 90;
        boolean sideways = quarters % 2 == 1;
        int width = sideways ? page.getHeight() : page.getWidth();
        int height = sideways ? page.getWidth() : page.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            AffineTransform transform = AffineTransform.getTranslateInstance(width / 2.0, height / 2.0);
            transform.quadrantRotate(quarters);
            transform.translate(-page.getWidth() / 2.0, -page.getHeight() / 2.0);
            g.drawImage(page, transform, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The back page, mirrored, darkening the front by {@code strength} of its ink, as thin paper lets it through. */
    public static BufferedImage showingThrough(BufferedImage front, BufferedImage back, double strength) {
        BufferedImage out = copy(front);
        for (int y = 0; y < Math.min(front.getHeight(), back.getHeight()); y++) {
            for (int x = 0; x < front.getWidth(); x++) {
                int mirrored = back.getWidth() - 1 - x;
                double ink = mirrored >= 0 ? (255 - back.getRaster().getSample(mirrored, y, 0)) * strength : 0;
                out.getRaster().setSample(x, y, 0, (int) Math.max(0, out.getRaster().getSample(x, y, 0) - ink));
            }
        }
        return out;
    }

    public static BufferedImage copy(BufferedImage page) {
        BufferedImage copy = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        copy.getRaster().setRect(page.getRaster());
        return copy;
    }

    /** A 300 dpi page resampled to {@code dpiX} × {@code dpiY} (standard fax: 204 × 98). */
    public static BufferedImage atDpi(BufferedImage page, int dpiX, int dpiY) {
        int width = page.getWidth() * dpiX / 300;
        int height = page.getHeight() * dpiY / 300;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A grey page of {@code lines} in 12-point type at 300 dpi (half a letter page high, to keep tests fast). */
    public static BufferedImage page(String... lines) {
        return page(50, 80, lines);
    }

    /**
     * A grey page of {@code lines} at 300 dpi in type {@code fontPixels} high, a line every {@code linePixels}
     * (single-spaced 11-point type, as typed reports are: 46 and 56).
     */
    public static BufferedImage page(int fontPixels, int linePixels, String... lines) {
        BufferedImage image = new BufferedImage(2550, 200 + linePixels * lines.length, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = typewriter(image, fontPixels);
        try {
            for (int i = 0; i < lines.length; i++) {
                g.drawString(lines[i], 150, 150 + linePixels * i);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Whitens the image and returns a pen for it: black, antialiased serif type {@code fontPixels} high. The caller
     * disposes of it.
     */
    public static Graphics2D typewriter(BufferedImage image, int fontPixels) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, fontPixels));
        return g;
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    /** A TIFF with one page per image (deflate-compressed). */
    public static byte[] tiff(BufferedImage... pages) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PDF with a text-layer page for each string of {@code typed}, then one image-only page per scan. */
    public static byte[] pdf(String[] typed, BufferedImage... scans) {
        return pdf(typed, 1, scans);
    }

    /**
     * As {@link #pdf(String[], BufferedImage...)}, each scan on {@code copies} pages (one image object drawn on all,
     * so that a 1,000-page scan stays a small file).
     */
    public static byte[] pdf(String[] typed, int copies, BufferedImage... scans) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : typed) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            for (BufferedImage scan : scans) {
                var image = LosslessFactory.createFromImage(document, scan);
                float height = scan.getHeight() * 72f / 300;
                for (int copy = 0; copy < copies; copy++) {
                    PDPage page = new PDPage(PDRectangle.LETTER);
                    document.addPage(page);
                    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                        content.drawImage(image, 0, 792 - height, 612, height);
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid PNG header declaring {@code width} × {@code height} pixels, with no image data: a decompression bomb. */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    private static byte[] write(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
