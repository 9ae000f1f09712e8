package org.chartroom.api.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.core.audit.AuditAction;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.search.FacetCount;
import org.chartroom.core.search.SearchHit;
import org.chartroom.core.search.SearchQuery;
import org.chartroom.core.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chartroom search "query"}: prints the hits, snippets and facet counts of a search. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the documents (Lucene query syntax; fields: text, patient_name, section_<type>, …).",
                "Stop a server running on the same data directory first, or query its /api/search."})
final class SearchCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(paramLabel = "QUERY", arity = "0..1", defaultValue = "", description = "The query; empty = all.")
    String query;

    @Option(names = "--mrn", description = "Only this patient.")
    String mrn;

    @Option(names = "--type", description = "Only this document type.")
    String type;

    @Option(names = "--author", description = "Only this author.")
    String author;

    @Option(names = "--section", description = "Only documents with this section type.")
    String section;

    @Option(names = "--from", description = "Service date from (ISO, inclusive).")
    LocalDate from;

    @Option(names = "--to", description = "Service date to (ISO, inclusive).")
    LocalDate to;

    @Option(names = "--status", description = "Only this state (e.g. draft, failed).")
    String status;

    @Option(names = "--offset", defaultValue = "0", description = "Hits to skip.")
    int offset;

    @Option(names = "--limit", defaultValue = "10", description = "Hits to show (1-100). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SearchQuery q = new SearchQuery(query, mrn, type == null ? null : DocumentType.parse(type), author, section,
                from, to, status == null ? null : DocumentState.parse(status), offset, limit, true, true);
        SearchResult result;
        try (ChartroomRuntime runtime = ChartroomRuntime.open(data.settings())) {
            result = runtime.search(q);
            runtime.auditCommandLine(AuditAction.SEARCH, "chartroom search", mrn == null ? "" : mrn, "",
                    "q=" + query + "; hits=" + result.total());
        }
        if (json) {
            System.out.println(Json.MAPPER.writeValueAsString(result));
            return 0;
        }
        System.out.printf("%d document(s) match%s%n", result.total(),
                result.hits().isEmpty() ? "" : String.format(" (showing %d-%d)", offset + 1,
                        offset + result.hits().size()));
        boolean tty = System.console() != null;
        int n = offset;
        for (SearchHit hit : result.hits()) {
            n++;
            System.out.printf("%3d. %s  %s  %s  %s (%s)  score %.2f%n", n, hit.id(), hit.metadata().type().code(),
                    hit.metadata().serviceDate(), hit.metadata().patientName(), hit.metadata().patientMrn(),
                    hit.score());
            for (String snippet : hit.snippets()) {
                System.out.println("       " + terminalText(snippet, tty));
            }
        }
        for (Map.Entry<String, List<FacetCount>> facet : result.facets().entrySet()) {
            System.out.printf("%s: %s%n", facet.getKey(), facet.getValue().stream().limit(8)
                    .map(f -> f.value() + " " + f.count()).collect(Collectors.joining(", ")));
        }
        return 0;
    }

    /** A highlighted HTML snippet as terminal text: bold (or **…** when not a terminal), entities decoded. */
    static String terminalText(String html, boolean tty) {
        String on = tty ? "\u001b[1m" : "**";
        String off = tty ? "\u001b[0m" : "**";
        return html.replace("<b>", on).replace("</b>", off).replace("\n", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
    }
}
