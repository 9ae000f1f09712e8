package org.chartroom.indexer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing rate and search latency on ~4,000 generated reports. Timing-dependent, so off by default:
 * {@code mvn -o -pl indexer test -Dtest=StorePerformanceTest -Dchartroom.perf=true}.
 */
@EnabledIfSystemProperty(named = "chartroom.perf", matches = "true")
class StorePerformanceTest {
    static final int DOCS = 4_000;
    static final String[] WORDS = ("patient denies chest pain fever cough dyspnea nausea vomiting fracture femur "
            + "hip knee aspirin metoprolol lisinopril atorvastatin insulin heparin warfarin normal abnormal mild "
            + "moderate severe acute chronic history of hypertension diabetes mellitus pneumonia sepsis edema "
            + "bilateral left right no not without with stable improved worsening follow up clinic weeks days "
            + "examination reveals tenderness swelling redness murmur rales wheezing abdomen soft nontender")
            .split(" ");
    static final String[] SECTIONS = {"HISTORY", "MEDICATIONS", "EXAMINATION", "ASSESSMENT", "PLAN"};

    @TempDir
    Path dir;

    static String report(Random random) {
        StringBuilder text = new StringBuilder();
        for (String section : SECTIONS) {
            text.append(section).append(": ");
            int sentences = 2 + random.nextInt(6);
            for (int s = 0; s < sentences; s++) {
                int words = 6 + random.nextInt(14);
                for (int w = 0; w < words; w++) {
                    text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                text.append(". ");
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Test
    void indexesAndSearchesFastEnough() {
        Random random = new Random(42);
        DocumentType[] types = DocumentType.values();
        DocumentState[] states = {DocumentState.DRAFT, DocumentState.SIGNED, DocumentState.PENDING_SIGNATURE};
        try (LuceneDocumentStore store = LuceneDocumentStore.open(dir, StoreSettings.defaults())) {
            long start = System.nanoTime();
            for (int i = 1; i <= DOCS; i++) {
                DocumentRecord record = Notes.note(i, "MRN" + random.nextInt(800), "Pat Example",
                        types[random.nextInt(types.length)], "dr." + random.nextInt(40),
                        LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1500)), states[random.nextInt(states.length)],
                        report(random));
                store.put(record);
            }
            store.commit();
            store.refresh();
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = DOCS / seconds;
            System.out.printf("indexed %d docs in %.2f s: %.0f docs/s%n", DOCS, seconds, rate);

            List<String> queries = List.of("fever", "\"chest pain\"", "aspirin AND fever", "fractur*",
                    "section_medications:aspirin", "pneumonia OR sepsis", "-fever", "", "hip knee femur",
                    "\"no fever\"");
            for (int warm = 0; warm < 300; warm++) {
                store.search(SearchQuery.of(queries.get(warm % queries.size())));
            }
            int runs = 1_000;
            long[] nanos = new long[runs];
            for (int r = 0; r < runs; r++) {
                SearchQuery q = new SearchQuery(queries.get(r % queries.size()), null, null, null,
                        r % 3 == 0 ? "medications" : null, null, null, null, (r % 4) * 10, 20, true, true);
                long t = System.nanoTime();
                store.search(q);
                nanos[r] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            double p50 = nanos[runs / 2] / 1e6;
            double p99 = nanos[(int) (runs * 0.99)] / 1e6;
            System.out.printf("search with facets and highlights: p50 %.2f ms, p99 %.2f ms%n", p50, p99);
            assertTrue(rate >= 200, "indexing rate " + rate);
            assertTrue(p99 <= 50, "search p99 " + p99 + " ms");
        }
    }
}
