package org.chartroom.core.text;

/**
 * A section of a note.
 *
 * @param type   a type of the section catalogue (e.g. {@code history_of_present_illness}, {@code other})
 * @param header the header text as written (for speech-like text, the spoken heading words)
 * @param start  where the header begins (char offset)
 * @param end    where the section ends: the start of the next section or the end of the text (exclusive)
 */
public record Section(String type, String header, int start, int end) {
}
