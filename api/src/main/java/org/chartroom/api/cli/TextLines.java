package org.chartroom.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The JSON Lines plumbing of the commands that take {@code {"id","text",…}} on stdin ({@code annotate},
 * {@code codes}): the {@code --threads} option, the ordered parallel mapping to stdout, and the reading of one
 * request, where a line that is not such an object gives {@code {"id","error"}} and the run goes on.
 */
final class TextLines {
    private static final Logger LOG = LoggerFactory.getLogger(TextLines.class);

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (0 = one per core).")
    int threads;

    /** What to add to the answer for one request. */
    @FunctionalInterface
    interface Work {
        void answer(JsonNode request, String text, ObjectNode answer) throws Exception;
    }

    /** Maps every line of stdin to a line of stdout, in order, on {@code --threads} threads. */
    void run(Work work) throws IOException, InterruptedException {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        OrderedParallel.map(in, out, n, line -> answer(line, work));
    }

    /** The answer line for one request line; never throws. The input is never logged (it is PHI). */
    static String answer(String line, Work work) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        try {
            JsonNode in = Json.MAPPER.readTree(line);
            out.set("id", in.get("id"));
            JsonNode text = in.get("text");
            if (text == null || !text.isTextual()) {
                out.put("error", "each line needs a \"text\" string");
                return out.toString();
            }
            work.answer(in, text.asText(), out);
        } catch (Exception e) {
            LOG.warn("unreadable input line ({})", e.getClass().getSimpleName());
            out.put("error", "not a JSON object with \"id\" and \"text\"");
        }
        return out.toString();
    }
}
