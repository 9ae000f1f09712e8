package org.chartroom.api.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.search.SearchQuery;

/**
 * Search latency over a fixed list of queries (resource {@code search-queries.tsv}, 200+ lines), with facets and
 * highlights on, in process against the Lucene store: warm-up passes, then {@code runs} measured passes. Each query's
 * wall-clock latency and its CPU time are recorded (see {@link CpuTime}).
 */
public final class SearchBenchmark {
    private static final String QUERIES = "/org/chartroom/api/bench/search-queries.tsv";

    public static List<SearchQuery> queries() {
        List<SearchQuery> queries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SearchBenchmark.class.getResourceAsStream(QUERIES)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                Map<String, String> f = new LinkedHashMap<>();
                if (parts.length > 1) {
                    for (String kv : parts[1].split("&")) {
                        String[] p = kv.split("=", 2);
                        f.put(p[0], p[1]);
                    }
                }
                queries.add(new SearchQuery(parts[0], null,
                        f.containsKey("type") ? DocumentType.parse(f.get("type")) : null, null, f.get("section"),
                        f.containsKey("from") ? LocalDate.parse(f.get("from")) : null,
                        f.containsKey("to") ? LocalDate.parse(f.get("to")) : null,
                        f.containsKey("status") ? DocumentState.parse(f.get("status")) : null, 0, 10, true, true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    /** @param encrypted whether the runtime's data directory is encrypted (recorded in the report) */
    public static BenchReport run(ChartroomRuntime runtime, int warmups, int runs, boolean encrypted) {
        List<SearchQuery> queries = queries();
        long hits = 0;
        for (int w = 0; w < Math.max(1, warmups); w++) {
            hits = 0;
            for (SearchQuery q : queries) {
                hits += runtime.search(q).total();
            }
        }
        List<Map<String, Object>> perRun = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            double[] millis = new double[queries.size()];
            double[] cpuMillis = new double[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long cpu = CpuTime.threadNanos();
                long t = System.nanoTime();
                runtime.search(queries.get(i));
                millis[i] = (System.nanoTime() - t) / 1e6;
                cpuMillis[i] = (CpuTime.threadNanos() - cpu) / 1e6;
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("run", r);
            figures.put("p50Ms", Stats.percentile(millis, 50));
            figures.put("p95Ms", Stats.percentile(millis, 95));
            figures.put("p99Ms", Stats.percentile(millis, 99));
            figures.put("maxMs", Stats.percentile(millis, 100));
            // Lucene searches in the calling thread here, so its CPU time is the query's cost without the waits
            // that other processes on the machine impose.
            figures.put("cpuP50Ms", Stats.percentile(cpuMillis, 50));
            figures.put("cpuP95Ms", Stats.percentile(cpuMillis, 95));
            figures.put("cpuP99Ms", Stats.percentile(cpuMillis, 99));
            figures.put("cpuMeanMs", java.util.Arrays.stream(cpuMillis).average().orElse(0));
            perRun.add(figures);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("documents", runtime.documentCount());
        summary.put("queries", queries.size());
        summary.put("matchesPerPass", hits);
        summary.put("encryption", encrypted ? "on" : "off");
        for (String key : List.of("p50Ms", "p95Ms", "p99Ms", "maxMs", "cpuP50Ms", "cpuP95Ms", "cpuP99Ms",
                "cpuMeanMs")) {
            summary.put(key, IngestBenchmark.median(perRun, key));
        }
        return new BenchReport(encrypted ? "search" : "search-encryption-off", summary, perRun);
    }

    private SearchBenchmark() {
    }
}
