package org.chartroom.api.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.chartroom.api.runtime.Components;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.nlp.codes.CodeIndexHome;
import org.chartroom.nlp.codes.CodeSuggester;
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

    @Mixin
    DataOption data;

    @Option(names = "--limit", defaultValue = "10", description = "Codes per phrase. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Mixin
    TextLines lines;

    @Override
    public Integer call() throws Exception {
        CodeSuggester suggester = Components.codes(data.dataDir).suggester();
        lines.run((request, text, answer) -> addCodes(answer, suggester, text, limit));
        return 0;
    }

    static String codesLine(CodeSuggester suggester, String line, int limit) {
        return TextLines.answer(line, (request, text, answer) -> addCodes(answer, suggester, text, limit));
    }

    private static void addCodes(ObjectNode answer, CodeSuggester suggester, String text, int limit) {
        ArrayNode codes = answer.putArray("codes");
        for (CodeSuggestion c : suggester.suggest(text, limit)) {
            codes.addObject().put("code", c.code()).put("description", c.description()).put("score", c.score());
        }
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
