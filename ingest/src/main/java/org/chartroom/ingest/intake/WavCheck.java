package org.chartroom.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.chartroom.core.error.PayloadTooLargeException;
import org.chartroom.core.error.UnprocessableContentException;

/**
 * A quick check, at upload time, of a WAV dictation's RIFF header: a file cut off in transfer still decodes (ffmpeg
 * reads what is there, and the end of the dictation — often the plan — would be silently missing), so the length the
 * header declares is compared with what arrived, and a recording longer than the duration limit is refused at once.
 *
 * <p>Headers of streamed recordings carry placeholder sizes (0 or 0xFFFFFFFF); those are not checked. Other audio
 * formats have no such cheap, reliable length: their problems surface when the dictation is decoded, as a FAILED
 * document with the reason.
 */
final class WavCheck {
    /** How much of the start is read to find the {@code fmt } and {@code data} chunks (ample for real files). */
    private static final int HEAD = 64 * 1024;
    private static final long UNKNOWN = 0xFFFF_FFFFL;

    private WavCheck() {
    }

    /**
     * @param maxSeconds the longest dictation accepted
     * @throws UnprocessableContentException when the file is shorter than its header says (cut off)
     * @throws PayloadTooLargeException      when the header declares more audio than {@code maxSeconds}
     */
    static void check(StagedUpload wav, double maxSeconds) {
        byte[] head;
        try (InputStream content = wav.openContent()) {
            head = content.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a staged upload", e);
        }
        check(head, wav.size(), maxSeconds);
    }

    static void check(byte[] head, long size, double maxSeconds) {
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head.length < 12 || !"RIFF".equals(fourCc(b, 0)) || !"WAVE".equals(fourCc(b, 8))) {
            return;  // RF64 and other variants: left to the decoder
        }
        long riffSize = Integer.toUnsignedLong(b.getInt(4));
        if (riffSize != 0 && riffSize != UNKNOWN && riffSize + 8 > size) {
            throw new UnprocessableContentException(String.format("the WAV file is cut off: its header declares"
                    + " %d bytes but %d arrived; upload the whole recording again", riffSize + 8, size));
        }
        long byteRate = 0;
        for (int at = 12; at + 8 <= head.length; ) {
            String id = fourCc(b, at);
            long chunk = Integer.toUnsignedLong(b.getInt(at + 4));
            if ("fmt ".equals(id) && at + 16 <= head.length) {
                byteRate = Integer.toUnsignedLong(b.getInt(at + 16));
            } else if ("data".equals(id)) {
                if (byteRate > 0 && chunk != 0 && chunk != UNKNOWN && chunk / (double) byteRate > maxSeconds) {
                    throw new PayloadTooLargeException(String.format("the dictation is %.0f seconds long, over the"
                            + " limit of %.0f seconds; split it, or raise CHARTROOM_ASR_MAX_SECONDS",
                            chunk / (double) byteRate, maxSeconds));
                }
                return;
            }
            at += 8 + chunk + (chunk & 1);  // chunks are padded to an even length
        }
    }

    private static String fourCc(ByteBuffer b, int at) {
        byte[] id = new byte[4];
        b.get(at, id);
        return new String(id, StandardCharsets.US_ASCII);
    }
}
