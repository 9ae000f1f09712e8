package org.chartroom.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.chartroom.core.error.PayloadTooLargeException;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.ingest.testing.Fixtures;
import org.junit.jupiter.api.Test;

class WavCheckTest {
    private static final byte[] WAV = Fixtures.wav();

    private static byte[] withSizes(long riff, long data) {
        byte[] copy = WAV.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, (int) riff);
        b.putInt(40, (int) data);  // the data chunk's size in Java's canonical 44-byte header
        return copy;
    }

    @Test
    void aCompleteFilePasses() {
        assertDoesNotThrow(() -> WavCheck.check(WAV, WAV.length, 3600));
    }

    @Test
    void aFileShorterThanItsHeaderSaysIsCutOff() {
        assertThrows(UnprocessableContentException.class, () -> WavCheck.check(WAV, WAV.length - 1, 3600));
    }

    @Test
    void placeholderSizesOfStreamedRecordingsAreNotChecked() {
        assertDoesNotThrow(() -> WavCheck.check(withSizes(0xFFFF_FFFFL, 0xFFFF_FFFFL), 100, 0.01));
        assertDoesNotThrow(() -> WavCheck.check(withSizes(0, 0), 100, 0.01));
    }

    @Test
    void theDeclaredLengthIsHeldAgainstTheLimit() {
        // 16 kHz mono 16-bit: 32,000 bytes a second; a header declaring two hours of audio.
        byte[] twoHours = withSizes(36, 2L * 3600 * 32_000);
        assertThrows(PayloadTooLargeException.class, () -> WavCheck.check(twoHours, twoHours.length, 3600));
        assertDoesNotThrow(() -> WavCheck.check(twoHours, twoHours.length, 3 * 3600));
    }

    @Test
    void otherBytesAreLeftToTheDecoder() {
        assertDoesNotThrow(() -> WavCheck.check("RIFF".getBytes(), 4, 1));
        assertDoesNotThrow(() -> WavCheck.check(new byte[100], 100, 1));
    }
}
