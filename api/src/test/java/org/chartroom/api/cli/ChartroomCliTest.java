package org.chartroom.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user types it: help, the JSON Lines contracts, ingest of a CSV, search. */
class ChartroomCliTest {

    @TempDir
    Path work;

    /** Runs the CLI with the given stdin; returns exit code and stdout. */
    private record Run(int exit, String out) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static synchronized Run run(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = ChartroomCli.commandLine().execute(args);
            System.out.flush();
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
    }

    @Test
    void helpListsEveryCommand() {
        Run help = run("", "--help");
        assertEquals(0, help.exit());
        for (String command : List.of("serve", "ingest", "search", "annotate", "extract", "bench")) {
            assertTrue(help.out().contains(command), "help lists " + command);
        }
        assertTrue(run("", "ingest", "--help").out().contains("--data"));
    }

    @Test
    void annotateSpeaksJsonLinesInOrderAndSurvivesABadLine() throws Exception {
        String input = "{\"id\":\"a\",\"text\":\"HISTORY OF PRESENT ILLNESS: Cough.\\nPLAN: Rest.\","
                + "\"targets\":[{\"start\":28,\"end\":33}]}\n"
                + "this is not json\n"
                + "{\"id\":\"c\",\"text\":\"\"}\n";
        Run run = run(input, "annotate", "--data", work.resolve("d").toString());
        assertEquals(0, run.exit());
        List<String> lines = run.lines();
        assertEquals(3, lines.size(), run.out());
        JsonNode a = Json.MAPPER.readTree(lines.get(0));
        assertEquals("a", a.get("id").asText());
        assertEquals(List.of("history_of_present_illness", "plan"), a.get("sections").findValuesAsText("type"));
        assertEquals(0, a.get("sections").get(0).get("start").asInt());
        assertEquals(List.of("HISTORY OF PRESENT ILLNESS", "PLAN"), a.get("sections").findValuesAsText("header"));
        assertFalse(a.get("targets").get(0).get("negated").asBoolean());
        assertTrue(a.has("concepts") && a.has("codes"));
        assertTrue(Json.MAPPER.readTree(lines.get(1)).has("error"));
        assertEquals("c", Json.MAPPER.readTree(lines.get(2)).get("id").asText());
    }

    @Test
    void extractGivesOneJsonLinePerFile() throws Exception {
        Path note = Files.writeString(work.resolve("note.bin"), "PLAN: Rest and fluids.");
        Path empty = Files.createFile(work.resolve("empty.txt"));
        Run run = run("", "extract", note.toString(), empty.toString());
        assertEquals(1, run.exit(), "one file failed");
        JsonNode ok = Json.MAPPER.readTree(run.lines().get(0));
        assertEquals("text/plain", ok.get("mediaType").asText());
        assertEquals("PLAN: Rest and fluids.", ok.get("text").asText().strip());
        assertEquals(1, ok.get("pages").get(0).get("n").asInt());
        assertFalse(ok.get("pages").get(0).get("ocr").asBoolean());
        assertTrue(ok.get("pages").get(0).get("confidence").isNull());
        assertTrue(Json.MAPPER.readTree(run.lines().get(1)).get("error").asText().contains("empty"));
    }

    @Test
    void ingestReadsTheMtSamplesCsvAndSearchFindsTheReports() throws Exception {
        Path csv = work.resolve("mtsamples.csv");
        Files.writeString(csv, ",description,medical_specialty,sample_name,transcription,keywords\n"
                + "0, Appendix out., Surgery, Appendectomy ,\"PREOPERATIVE DIAGNOSIS:,  Acute appendicitis.,"
                + "PROCEDURE:,  Laparoscopic appendectomy.\",\"surgery, appendix\"\n"
                + "1, Cough., SOAP / Chart / Progress Notes, Cough ,\"SUBJECTIVE:,  Cough for 3 days, no fever.,"
                + "PLAN:,  Fluids.\",\n"
                + "2, Empty., Surgery, Nothing ,,\n");
        String data = work.resolve("data").toString();
        Run ingest = run("", "ingest", "--data", data, csv.toString());
        assertEquals(0, ingest.exit(), ingest.out());
        assertTrue(ingest.out().contains("accepted 2, rejected 0"), ingest.out());

        Run search = run("", "search", "--data", data, "--json", "appendicitis");
        JsonNode result = Json.MAPPER.readTree(search.out());
        assertEquals(1, result.get("total").asLong());
        JsonNode hit = result.get("hits").get(0);
        assertEquals("MTS-0", hit.get("metadata").get("patientMrn").asText());
        assertEquals("OPERATIVE_REPORT", hit.get("metadata").get("type").asText());
        assertTrue(hit.get("sections").toString().contains("preoperative_diagnosis"));

        Run byType = run("", "search", "--data", data, "--type", "progress_note", "fever");
        assertTrue(byType.out().startsWith("1 document(s) match"), byType.out());
    }

    @Test
    void filesWithoutAPatientAreRefusedWithTheFlagsToPass() throws Exception {
        Path note = Files.writeString(work.resolve("n.txt"), "text");
        Run run = run("", "ingest", "--data", work.resolve("data").toString(), note.toString());
        assertEquals(2, run.exit());
    }
}
