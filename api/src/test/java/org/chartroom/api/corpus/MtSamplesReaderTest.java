package org.chartroom.api.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chartroom.core.document.DocumentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MtSamplesReaderTest {

    @Test
    void readsQuotedCellsWithCommasAndNewlinesAndSkipsEmptyTranscriptions(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, ",description,medical_specialty,sample_name,transcription,keywords\n"
                + "7,\" A \"\"quoted\"\" one.\r\n more\", Radiology, Chest X-ray ,\"EXAM:,  Chest.,IMPRESSION:,  Clear.\",\n"
                + "8, x, Surgery, y ,,\n");
        List<MtSamplesReader.Report> reports = MtSamplesReader.read(csv);
        assertEquals(1, reports.size());
        MtSamplesReader.Report r = reports.get(0);
        assertEquals(7, r.row());
        assertEquals("EXAM:,  Chest.,IMPRESSION:,  Clear.", r.transcription(), "kept exactly as in the file");
        assertEquals("MTS-7", r.metadata().patientMrn());
        assertEquals(DocumentType.RADIOLOGY_REPORT, r.metadata().type());
        assertEquals("Radiology", r.metadata().specialty());
        assertTrue(MtSamplesReader.looksLikeMtSamples(csv));
        assertFalse(MtSamplesReader.looksLikeMtSamples(Files.writeString(dir.resolve("o.csv"), "a,b\n1,2\n")));
    }

    @Test
    void specialtiesMapOntoDocumentTypes() {
        assertEquals(DocumentType.DISCHARGE_SUMMARY, MtSamplesReader.typeOf("Discharge Summary", "x"));
        assertEquals(DocumentType.HISTORY_AND_PHYSICAL, MtSamplesReader.typeOf("Consult - History and Phy.", "x"));
        assertEquals(DocumentType.CONSULTATION, MtSamplesReader.typeOf("Neurology", "Neurology Consult"));
        assertEquals(DocumentType.OPERATIVE_REPORT, MtSamplesReader.typeOf("Surgery", "Appendectomy"));
        assertEquals(DocumentType.PROGRESS_NOTE, MtSamplesReader.typeOf("SOAP / Chart / Progress Notes", "x"));
        assertEquals(DocumentType.LETTER, MtSamplesReader.typeOf("Letters", "x"));
        assertEquals(DocumentType.OTHER, MtSamplesReader.typeOf("Dermatology", "Rash"));
    }
}
