package org.chartroom.api.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartroom.api.runtime.Components;
import org.chartroom.core.error.ChartroomException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.text.ExtractedText;
import org.chartroom.core.text.Page;
import org.chartroom.ingest.extract.TikaTextExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code chartroom extract FILE…}: the {@code extract} JSON Lines contract, one line per file:
 * {@code {"file","mediaType","text","pages":[{"n","text","ocr","confidence"}]}}, or {@code {"file","error"}}.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the text of files (type detected from the bytes) as JSON Lines on stdout.")
final class ExtractCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to extract.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        TikaTextExtractor extractor = Components.extractor();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int failures = 0;
        for (Path file : files) {
            ObjectNode line = Json.MAPPER.createObjectNode().put("file", file.toString());
            try {
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInputException("no such file");
                }
                ExtractedText text = extractor.extract(file);
                line.put("mediaType", text.mediaType()).put("text", text.text());
                ArrayNode pages = line.putArray("pages");
                for (Page p : text.pages()) {
                    ObjectNode o = pages.addObject().put("n", p.n()).put("text", p.text()).put("ocr", p.ocr());
                    if (p.confidence() == null) {
                        o.putNull("confidence");
                    } else {
                        o.put("confidence", p.confidence());
                    }
                }
            } catch (ChartroomException e) {
                failures++;
                line.put("error", e.getMessage());
            }
            out.println(line);
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }
}
