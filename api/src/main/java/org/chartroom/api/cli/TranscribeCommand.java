package org.chartroom.api.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartroom.asr.DictationTranscriber;
import org.chartroom.asr.Transcript;
import org.chartroom.core.text.SpokenWord;
import org.chartroom.core.error.ChartroomException;
import org.chartroom.core.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code chartroom transcribe FILE…}: the {@code transcribe} JSON Lines contract, one line per file:
 * {@code {"file","text","words":[{"word","start","end","conf"}],"seconds","decodeSeconds"}} (plus {@code raw},
 * {@code engine} and each word's {@code low}), or {@code {"file","error"}}.
 */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Transcribe dictations (WAV, FLAC, MP3, OGG/Opus, M4A) to drafts as JSON Lines on stdout.")
final class TranscribeCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Mixin
    AsrOptions asr;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Audio files.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int failures = 0;
        try (DictationTranscriber transcriber = DictationTranscriber.open(asr.settings(data))) {
            for (Path file : files) {
                ObjectNode line = Json.MAPPER.createObjectNode().put("file", file.toString());
                try {
                    if (!Files.isRegularFile(file)) {
                        throw new InvalidInputException("no such file");
                    }
                    Transcript t = transcriber.transcribe(file);
                    line.put("text", t.draft());
                    ArrayNode words = line.putArray("words");
                    for (SpokenWord w : t.words()) {
                        words.addObject().put("word", w.word()).put("start", w.start()).put("end", w.end())
                                .put("conf", w.confidence()).put("low", w.lowConfidence());
                    }
                    line.put("seconds", t.seconds()).put("decodeSeconds", t.decodeSeconds()).put("raw", t.raw())
                            .put("engine", t.engine());
                } catch (ChartroomException e) {
                    failures++;
                    line.put("error", e.getMessage());
                }
                out.println(line);
                out.flush();
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
