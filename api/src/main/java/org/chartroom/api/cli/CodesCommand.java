package org.chartroom.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.chartroom.api.runtime.Components;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.nlp.codes.CodeIndexHome;
import org.chartroom.nlp.codes.CodeSuggester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chartroom codes}: the {@code codes} JSON Lines contract, an encoder for coders. In {@code {"id","text"}} (a
 * phrase), out {@code {"id","codes":[{"code","description","score"}]}} best first. {@code chartroom codes import}
 * (re)builds the code index from a release folder.
 */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = "Suggest ICD-10-CM codes for phrases: JSON Lines {\"id\",\"text\"} on stdin, codes on stdout.",
        subcommands = CodesCommand.Import.class)
final class CodesCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CodesCommand.class);

    @Mixin
    DataOption data;

    @Option(names = "--limit", defaultValue = "10", description = "Codes per phrase. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (0 = one per core).")
    int threads;

    @Override
    public Integer call() throws Exception {
        CodeSuggester suggester = Components.codes(data.dataDir).suggester();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        OrderedParallel.map(in, out, n, line -> codesLine(suggester, line, limit));
        return 0;
    }

    static String codesLine(CodeSuggester suggester, String line, int limit) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        try {
            JsonNode in = Json.MAPPER.readTree(line);
            out.set("id", in.get("id"));
            JsonNode text = in.get("text");
            if (text == null || !text.isTextual()) {
                out.put("error", "each line needs a \"text\" string");
                return out.toString();
            }
            ArrayNode codes = out.putArray("codes");
            for (CodeSuggestion c : suggester.suggest(text.asText(), limit)) {
                codes.addObject().put("code", c.code()).put("description", c.description()).put("score", c.score());
            }
        } catch (Exception e) {
            LOG.warn("codes: unreadable input line ({})", e.getClass().getSimpleName());
            out.put("error", "not a JSON object with \"id\" and \"text\"");
        }
        return out.toString();
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Build the code index in <data>/codes/ from an ICD-10-CM release folder (each October).")
    static final class Import implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--from", paramLabel = "DIR",
                description = "The release folder. Default: CHARTROOM_ICD10CM, else ../shared/data/icd10cm.")
        Path from;

        @Override
        public Integer call() {
            CodeIndexHome home = CodeIndexHome.of(data.dataDir, System.getenv());
            if (from != null) {
                home = new CodeIndexHome(home.index(), Optional.of(from));
            }
            home.build(System.err);
            return 0;
        }
    }
}
