package org.chartroom.api.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.chartroom.api.runtime.Components;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.nlp.codes.CodeIndexHome;
import org.chartroom.nlp.concept.CodeResources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chartroom codes}: the {@code codes} JSON Lines contract, an encoder for coders. In {@code {"id","text"}} (a
 * phrase), out {@code {"id","codes":[{"code","description","score","axes"}]}} best first ({@link CodeJson}). {@code chartroom codes import}
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
        CodeResources resources = Components.codes(data.dataDir);
        lines.run((request, text, answer) -> {
            ArrayNode codes = answer.putArray("codes");
            for (CodeSuggestion c : resources.encode(text, limit)) {
                CodeJson.add(codes, c, false);
            }
        });
        return 0;
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
