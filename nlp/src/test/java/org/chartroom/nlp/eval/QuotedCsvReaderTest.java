package org.chartroom.nlp.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class QuotedCsvReaderTest {
    private static List<List<String>> readAll(String csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (QuotedCsvReader reader = new QuotedCsvReader(new StringReader(csv))) {
            for (Optional<List<String>> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    @Test
    void readsPlainAndQuotedFields() throws IOException {
        assertEquals(List.of(List.of("", "description", "transcription"), List.of("0", " A note", "HPI:,  Text.")),
                readAll(",description,transcription\n0, A note,\"HPI:,  Text.\"\n"));
    }

    @Test
    void quotedFieldsKeepCommasLineBreaksAndDoubledQuotes() throws IOException {
        List<List<String>> rows = readAll("1,\"a, b\",\"line one\r\nline two\",\"she said \"\"ok\"\"\"\n");
        assertEquals(List.of(List.of("1", "a, b", "line one\r\nline two", "she said \"ok\"")), rows);
    }

    @Test
    void acceptsCrLfRowEndsEmptyFieldsAndAMissingFinalNewline() throws IOException {
        assertEquals(List.of(List.of("a", "", "c"), List.of("d", "e", "")), readAll("a,,c\r\nd,e,"));
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingTheRecord() {
        IOException e = assertThrows(IOException.class, () -> readAll("a,b\n\"never closed,c\n"));
        assertTrue(e.getMessage().contains("record 2"), e.getMessage());
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        assertEquals(List.of(), readAll(""));
    }
}
