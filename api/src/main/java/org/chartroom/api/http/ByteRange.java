package org.chartroom.api.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartroom.core.error.RangeNotSatisfiableException;

/**
 * One byte range of a file, from a {@code Range} header (RFC 9110 §14): {@code bytes=first-last},
 * {@code bytes=first-} or {@code bytes=-suffix}. An audio player asks for ranges to seek.
 *
 * @param first  the first byte, from 0
 * @param last   the last byte, inclusive
 * @param length the whole file's length
 */
record ByteRange(long first, long last, long length) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** Bytes in the range. */
    long size() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value of the answer. */
    String contentRange() {
        return "bytes " + first + "-" + last + "/" + length;
    }

    /**
     * The range a {@code Range} header asks of a file of {@code length} bytes. Empty — serve the whole file with 200,
     * as RFC 9110 allows — when there is no header, or it is not a single byte range this server reads (other
     * units, several ranges, bad syntax).
     *
     * @throws RangeNotSatisfiableException when the range lies wholly outside the file (or asks for no bytes)
     */
    static Optional<ByteRange> parse(String header, long length) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.empty();
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || length == 0) {
                throw unsatisfiable(length);
            }
            first = Math.max(0, length - suffix);
            last = length - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (last < first) {
                return Optional.empty();  // syntactically invalid: ignored, per RFC 9110 §14.1.1
            }
            if (first >= length) {
                throw unsatisfiable(length);
            }
            last = Math.min(last, length - 1);
        }
        return Optional.of(new ByteRange(first, last, length));
    }

    private static RangeNotSatisfiableException unsatisfiable(long length) {
        return new RangeNotSatisfiableException("the requested range lies outside the file, which is " + length
                + " bytes long", length);
    }
}
