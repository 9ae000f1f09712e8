package org.chartroom.asr.engine;

import java.io.InputStream;
import java.util.List;
import org.chartroom.core.text.SpokenWord;

/**
 * A speech recogniser behind the {@link org.chartroom.asr.Transcriber}: 16 kHz mono s16le PCM in, words with timings
 * and confidences out (not yet marked for low confidence; not formatted).
 *
 * <p>An engine holds what is shared (a loaded model) and is thread-safe: each {@link #recognize} call makes its own
 * recogniser for its stream and releases it before returning. The PCM stream is read to its end and not closed; an
 * exception it throws (a decoding error, the duration limit) propagates unchanged. {@link #close()} releases the
 * shared model once no call is running.
 */
public interface SpeechEngine extends AutoCloseable {

    /** {@code vosk} or {@code pocketsphinx}. */
    String name();

    List<SpokenWord> recognize(InputStream pcm);

    @Override
    void close();
}
