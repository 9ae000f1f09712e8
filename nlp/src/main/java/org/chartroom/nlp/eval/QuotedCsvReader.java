package org.chartroom.nlp.eval;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A minimal RFC-4180 CSV reader: fields separated by commas, records by LF or CRLF; a field in double quotes may
 * hold commas, line breaks and doubled quotes ({@code ""}). Cell content is kept exactly (a CR or CRLF inside a quoted
 * cell stays as written). Not thread-safe; closes the reader when closed.
 */
public final class QuotedCsvReader implements Closeable {
    private final Reader in;
    private int pushedBack = -2;
    private long recordNumber;

    public QuotedCsvReader(Reader in) {
        this.in = in;
    }

    /**
     * The next record, or empty at the end of input.
     *
     * @throws IOException when reading fails or a quoted field is not closed (the message names the record number)
     */
    public Optional<List<String>> next() throws IOException {
        int c = read();
        if (c == -1) {
            return Optional.empty();
        }
        recordNumber++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean atFieldStart = true;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IOException("CSV record " + recordNumber + " ends inside a quoted field");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(d);
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && atFieldStart) {
                quoted = true;
                atFieldStart = false;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                return Optional.of(List.copyOf(fields));
            } else if (c == '\r') {
                int d = read();
                if (d != '\n') {
                    unread(d);
                }
                fields.add(field.toString());
                return Optional.of(List.copyOf(fields));
            } else {
                field.append((char) c);
                atFieldStart = false;
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
