package org.chartroom.asr.eval;

import java.nio.file.Path;

/**
 * One evaluation recording.
 *
 * @param id      a name for the tables (no PHI: these are public or synthesized recordings)
 * @param audio   the audio file
 * @param spoken  what was said, word for word (the reference for the recogniser's raw output)
 * @param written the note as it should be typed (the reference for the draft; equal to {@code spoken} when the
 *                recording is not a dictation)
 */
public record DictationSample(String id, Path audio, String spoken, String written) {
}
