package org.chartroom.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.chartroom.core.error.RangeNotSatisfiableException;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
    private static ByteRange range(String header, long length) {
        return ByteRange.parse(header, length).orElseThrow();
    }

    @Test
    void theThreeFormsOfASingleRange() {
        assertEquals(new ByteRange(0, 99, 1000), range("bytes=0-99", 1000));
        assertEquals(new ByteRange(500, 999, 1000), range("bytes=500-", 1000));
        assertEquals(new ByteRange(900, 999, 1000), range("bytes=-100", 1000));
        assertEquals(new ByteRange(0, 0, 1000), range("bytes=0-0", 1000));
        assertEquals("bytes 0-99/1000", range("bytes=0-99", 1000).contentRange());
        assertEquals(100, range("bytes=0-99", 1000).size());
    }

    @Test
    void aRangeRunningPastTheEndIsCutToTheFile() {
        assertEquals(new ByteRange(990, 999, 1000), range("bytes=990-5000", 1000));
        assertEquals(new ByteRange(0, 999, 1000), range("bytes=-5000", 1000));
    }

    @Test
    void aRangeWhollyOutsideTheFileIsUnsatisfiableAndNamesTheLength() {
        RangeNotSatisfiableException e = assertThrows(RangeNotSatisfiableException.class,
                () -> ByteRange.parse("bytes=1000-", 1000));
        assertEquals(1000, e.length());
        assertTrue(e.getMessage().contains("1000 bytes"), e.getMessage());
        assertThrows(RangeNotSatisfiableException.class, () -> ByteRange.parse("bytes=1000-1200", 1000));
        assertThrows(RangeNotSatisfiableException.class, () -> ByteRange.parse("bytes=-0", 1000));
    }

    @Test
    void whatThisServerDoesNotReadIsIgnoredSoTheWholeFileIsServed() {
        for (String header : new String[] {null, "", "bytes=0-9,20-29", "items=0-9", "bytes=9-0", "bytes=-",
                "bytes=x-1", "bytes=99999999999999999999-"}) {
            assertEquals(Optional.empty(), ByteRange.parse(header, 1000), String.valueOf(header));
        }
    }
}
