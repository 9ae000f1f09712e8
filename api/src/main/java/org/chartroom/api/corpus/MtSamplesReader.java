package org.chartroom.api.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chartroom.api.runtime.BulkIntake;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentType;

/**
 * Reads the MTSamples CSV ({@code ,description,medical_specialty,sample_name,transcription,keywords}; RFC-4180
 * quoting; the first column is an unnamed row index). The reports carry no patient identity, so each gets a
 * synthetic one derived from its row: MRN {@code MTS-<row>}, a fixed author, and a service date spread over 2025
 * so that date filters have something to work on.
 *
 * <p>The transcription is kept exactly as in the file: its newlines were replaced by commas upstream
 * ({@code "SUBJECTIVE:,  This 23-year-old…"}), and the gold offsets of the evaluation sets point into that text.
 */
public final class MtSamplesReader {

    /** One report of the CSV. */
    public record Report(int row, String description, String specialty, String sampleName, String transcription) {
        public DocumentMetadata metadata() {
            return new DocumentMetadata("MTS-" + row, "MTSamples Sample " + row, "", typeOf(specialty, sampleName),
                    "MTSamples", LocalDate.of(2025, 1, 1).plusDays(row % 365), specialty);
        }

        /** The report as a plain-text upload. */
        public BulkIntake.Item intakeItem() {
            byte[] text = transcription.getBytes(StandardCharsets.UTF_8);
            return new BulkIntake.Item("mtsamples row " + row, metadata(), "mtsamples-" + row + ".txt",
                    () -> new ByteArrayInputStream(text));
        }
    }

    private MtSamplesReader() {
    }

    /** True when the file looks like the MTSamples CSV (by its header line), so `ingest` can recognise it. */
    public static boolean looksLikeMtSamples(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return false;
        }
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            return header != null && header.contains("medical_specialty") && header.contains("transcription");
        } catch (IOException e) {
            return false;
        }
    }

    /** All reports with a non-empty transcription, in file order. */
    public static List<Report> read(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                             .setAllowMissingColumnNames(true).get()
                     .parse(reader)) {
            List<Report> reports = new ArrayList<>();
            for (CSVRecord record : parser) {
                String text = record.get("transcription");
                if (text == null || text.isBlank()) {
                    continue;
                }
                reports.add(new Report(Integer.parseInt(record.get(0).strip()), record.get("description").strip(),
                        record.get("medical_specialty").strip(), record.get("sample_name").strip(), text));
            }
            return reports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MTSamples CSV " + csv + ": " + e.getMessage(), e);
        }
    }

    /** Maps an MTSamples specialty or sample name onto the document types of the intake form. */
    static DocumentType typeOf(String specialty, String sampleName) {
        String s = (specialty + " " + sampleName).toLowerCase(Locale.ROOT);
        if (s.contains("discharge summary")) {
            return DocumentType.DISCHARGE_SUMMARY;
        }
        if (s.contains("history and phy") || s.contains("h&p")) {
            return DocumentType.HISTORY_AND_PHYSICAL;
        }
        if (s.contains("consult")) {
            return DocumentType.CONSULTATION;
        }
        if (s.contains("radiology")) {
            return DocumentType.RADIOLOGY_REPORT;
        }
        if (s.contains("letter")) {
            return DocumentType.LETTER;
        }
        if (s.contains("progress") || s.contains("soap") || s.contains("office notes")) {
            return DocumentType.PROGRESS_NOTE;
        }
        if (s.contains("surgery") || s.contains("operative")) {
            return DocumentType.OPERATIVE_REPORT;
        }
        if (s.contains("procedure")) {
            return DocumentType.PROCEDURE_NOTE;
        }
        return DocumentType.OTHER;
    }
}
