package org.chartroom.core.text;

/** A span of a text: Java {@code String} char offsets, {@code end} exclusive. */
public record TextSpan(int start, int end) {
    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
