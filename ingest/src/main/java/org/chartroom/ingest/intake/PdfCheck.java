package org.chartroom.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.chartroom.core.error.UnprocessableContentException;

/**
 * A quick check, at upload time, that a PDF can be read: so that a corrupt, cut-off or password-protected file gets a
 * 422 the uploader can act on at once, instead of a FAILED document later.
 */
final class PdfCheck {
    /**
     * How far from the end the {@code %%EOF} marker may be. The same window PDFBox searches; files with more trailing
     * bytes than this are vanishingly rare, while files without the marker are almost always cut off.
     */
    private static final int EOF_WINDOW = 2048;
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private PdfCheck() {
    }

    /**
     * @throws UnprocessableContentException when the file is truncated, corrupt, needs a password or has no pages
     */
    static void check(StagedUpload pdf) {
        // PDFBox repairs damaged files leniently, so a PDF cut off mid-upload often still "loads" with pages whose
        // content is missing. The end-of-file marker is what tells a complete file from a cut-off one.
        if (indexOf(pdf.tail(), EOF_MARKER) < 0) {
            throw new UnprocessableContentException("the PDF is incomplete (it has no end-of-file marker); the upload "
                    + "may have been cut off, or the file is corrupt");
        }
        int pages;
        // From the (decrypted) stream, so PDFBox holds the file in memory rather than reading a plaintext copy.
        try (InputStream content = pdf.openContent();
             PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
            pages = document.getNumberOfPages();
        } catch (InvalidPasswordException e) {
            throw new UnprocessableContentException("the PDF is encrypted with a password; upload a copy without "
                    + "password protection");
        } catch (IOException | RuntimeException e) {
            // PDFBox reports damage as IOException and, for some malformed structures, as runtime exceptions.
            throw new UnprocessableContentException("the PDF is corrupt or unreadable");
        }
        if (pages < 1) {
            throw new UnprocessableContentException("the PDF is corrupt or unreadable: it has no pages");
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
