package org.chartroom.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chartroom.ingest.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaTypeSnifferTest {
    private static MediaTypeSniffer sniffer;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadTika() {
        sniffer = new MediaTypeSniffer();
    }

    private String detect(String fileName, byte[] content) throws IOException {
        Path file = dir.resolve(fileName);
        Files.write(file, content);
        return sniffer.detect(file);
    }

    @Test
    void thePngNamedReportPdfIsAPng() throws IOException {
        assertEquals("image/png", detect("report.pdf", Fixtures.png()));
    }

    @Test
    void namesThatLieDoNotChangeTheAnswer() throws IOException {
        assertEquals(DocumentFormats.PDF, detect("notes.txt", Fixtures.pdf("Page one.")));
        assertEquals(DocumentFormats.PLAIN_TEXT, detect("scan.pdf", Fixtures.text(Fixtures.NOTE)));
        assertEquals(DocumentFormats.DOCX, detect("letter.txt", Fixtures.docx("Dear colleague,")));
        assertEquals(DocumentFormats.ODT, detect("letter.doc", Fixtures.odt("Dear colleague,")));
        assertEquals(DocumentFormats.DOC, detect("letter.odt", Fixtures.oleWordContainer()));
    }

    @Test
    void recognisesEachTextDocumentFormatWithoutAnExtension() throws IOException {
        assertEquals(DocumentFormats.PLAIN_TEXT, detect("a", Fixtures.text(Fixtures.NOTE)));
        assertEquals(DocumentFormats.PLAIN_TEXT, detect("b", Fixtures.text("Élève: café, résumé – 37 °C")));
        assertEquals(DocumentFormats.HTML, detect("c", Fixtures.html()));
        assertEquals(DocumentFormats.XHTML, detect("d", Fixtures.xhtml()));
        assertEquals(DocumentFormats.RTF, detect("e", Fixtures.rtf()));
        assertEquals(DocumentFormats.PDF, detect("f", Fixtures.pdf("x")));
    }

    @Test
    void aLetterThatLooksLikeAnEmailIsPlainText() throws IOException {
        // Tika alone calls this message/rfc822; it is read as plain text, so it is reported as such.
        assertEquals(DocumentFormats.PLAIN_TEXT, detect("letter", Fixtures.text("From: Dr A\nTo: Dr B\n\nThanks.")));
    }

    @Test
    void xmlKeepsItsOwnTypeBecauseMarkupIsNotText() throws IOException {
        String cda = "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>";
        assertEquals("application/xml", detect("note.txt", Fixtures.text(cda)));
    }

    @Test
    void audioAndEmptyFiles() throws IOException {
        assertTrue(detect("dictation.txt", Fixtures.wav()).startsWith("audio/"));
        assertEquals("application/octet-stream", detect("empty.txt", new byte[0]));
    }
}
