package org.chartroom.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.chartroom.ingest.testing.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrientationTest {
    private static final BufferedImage REPORT = Scans.report();

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void aTurnIsExactlyJava2dsQuarterTurnAndSwapsTheResolutions(int degrees) {
        ScanPage turned = Orientation.turn(new ScanPage(Scans.copy(REPORT), 204, 98), degrees);
        BufferedImage expected = Scans.turned(REPORT, degrees);
        assertEquals(expected.getWidth(), turned.image().getWidth());
        assertEquals(expected.getHeight(), turned.image().getHeight());
        assertArrayEquals(GreyImage.pixels(GreyImage.of(expected)), GreyImage.pixels(turned.image()));
        boolean sideways = degrees != 180;
        assertEquals(sideways ? 98 : 204, turned.dpiX());
        assertEquals(sideways ? 204 : 98, turned.dpiY());
    }

    @Test
    void turningBackRestoresThePage() {
        ScanPage there = Orientation.turn(new ScanPage(Scans.copy(REPORT), 300, 300), 90);
        ScanPage back = Orientation.turn(there, 270);
        assertArrayEquals(GreyImage.pixels(REPORT), GreyImage.pixels(back.image()));
    }

    @Test
    void aReadingLooksWrongWhenUnsureOrSetVertically() {
        assertFalse(Orientation.looksWrong(new Recognition("upright", 0.93, 320, 0.0)));
        assertFalse(Orientation.looksWrong(new Recognition("poor fax", 0.82, 300, 0.02)));
        assertTrue(Orientation.looksWrong(new Recognition("upside down", 0.42, 322, 0.01)));
        assertTrue(Orientation.looksWrong(new Recognition("sideways", 0.95, 180, 1.0)));
        assertFalse(Orientation.looksWrong(new Recognition("", 0, 0, 0)), "a blank page has nothing to turn");
    }

    @Test
    void verticalWordsAreNotTrustedAsAnUprightReading() {
        assertTrue(Orientation.uprightConfidence(new Recognition("turned back", 0.94, 320, 0.0))
                > Orientation.uprightConfidence(new Recognition("sideways", 0.95, 180, 1.0)));
    }

    @Test
    void onlyASureTurnIsTried() {
        assertTrue(Orientation.worthTurning(new PageOrientation(180, 17.3)));
        assertFalse(Orientation.worthTurning(new PageOrientation(180, 1.6)), "noise");
        assertFalse(Orientation.worthTurning(new PageOrientation(0, 15.9)), "upright");
    }

    @Test
    void tesseractsOrientationReportIsRead() {
        String report = """
                Page number: 0
                Orientation in degrees: 90
                Rotate: 270
                Orientation confidence: 14.51
                Script: Latin
                Script confidence: 5.13
                """;
        assertEquals(Optional.of(new PageOrientation(270, 14.51)), PageOrientation.parse(report));
        assertEquals(Optional.empty(), PageOrientation.parse("Too few characters. Skipping this page\n"));
        assertEquals(Optional.empty(), PageOrientation.parse("Rotate: 45\nOrientation confidence: 3.0\n"));
    }

    @Test
    void theShareOfVerticalWordsComesFromTheWordBoxes() {
        String header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf"
                + "\ttext\n";
        String tsv = header
                + "5\t1\t1\t1\t1\t1\t10\t10\t40\t200\t95.0\tchest\n"
                + "5\t1\t1\t1\t1\t2\t10\t220\t40\t150\t94.0\tpain\n"
                + "5\t1\t1\t1\t1\t3\t10\t380\t200\t40\t93.0\tthree\n"
                + "5\t1\t1\t1\t1\t4\t10\t430\t10\t40\t92.0\tI\n";
        Recognition r = TesseractTsv.parse(tsv);
        assertEquals(4, r.words());
        assertEquals(2.0 / 3, r.vertical(), 1e-9, "words under three characters do not count");
        assertEquals("chest pain three I", r.text());
    }
}
