package org.chartroom.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark's figures: printed as a table and written as JSON (with the machine it ran on), so that figures in the
 * README can be traced to a file.
 *
 * @param name    e.g. {@code ingest}
 * @param summary the headline figures (medians over the runs), in print order
 * @param runs    per-run figures
 */
public record BenchReport(String name, Map<String, Object> summary, List<Map<String, Object>> runs) {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    public void print(PrintStream out) {
        out.printf("%n%s benchmark (median of %d runs)%n", name, runs.size());
        int width = summary.keySet().stream().mapToInt(String::length).max().orElse(10);
        for (Map.Entry<String, Object> e : summary.entrySet()) {
            Object v = e.getValue();
            String value = v instanceof Double d ? String.format("%.2f", d) : String.valueOf(v);
            out.printf("  %-" + width + "s  %s%n", e.getKey(), value);
        }
    }

    /** Writes {@code <dir>/<name>-<timestamp>.json} and returns its path. */
    public Path write(Path dir) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", name);
        doc.put("at", Instant.now());
        doc.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMib", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        doc.put("summary", summary);
        doc.put("runs", runs);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + "-" + Instant.now().toString().replace(':', '-') + ".json");
            JSON.writeValue(file.toFile(), doc);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark results to " + dir, e);
        }
    }
}
