package org.chartroom.api.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.chartroom.core.document.DocumentId;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.Original;
import org.chartroom.core.pipeline.DocumentStore;
import org.chartroom.core.search.SearchQuery;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Page;
import org.chartroom.indexer.LuceneDocumentStore;
import org.chartroom.indexer.StoreSettings;
import org.chartroom.nlp.ClinicalNoteAnnotator;

/** Made-up notes as the pipeline stores them, for the tests of what people do with them afterwards. */
final class StoredNotes {
    static final Instant T0 = Instant.parse("2026-03-14T09:00:00Z");
    /** The author of every note here, as the uploader wrote it. */
    static final String AUTHOR = "Dr. Osler";

    private StoredNotes() {
    }

    /** The real clinical annotator, loaded once for all the tests here (its models take seconds to load). */
    static ClinicalNoteAnnotator annotator() {
        return Annotator.INSTANCE;
    }

    private static final class Annotator {
        static final ClinicalNoteAnnotator INSTANCE = new ClinicalNoteAnnotator();
    }

    static DocumentId id(int n) {
        return new DocumentId(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", n));
    }

    /** Version 1 of note {@code n}, in {@code state}, with {@code annotation} as its NLP result. */
    static DocumentRecord note(int n, DocumentState state, String text, Annotation annotation) {
        DocumentVersion v1 = new DocumentVersion(1, T0, "pipeline", "extract", text,
                List.of(new Page(1, text, false, null)), annotation);
        return new DocumentRecord(id(n), new DocumentMetadata("MRN-" + n, "Test Patient", "", DocumentType.CONSULTATION,
                AUTHOR, LocalDate.of(2026, 3, 14), ""),
                new Original("n.txt", "text/plain", text.length(), "ab".repeat(32), T0, "him"), state, "",
                List.of(v1), T0);
    }

    /** A real store in {@code dir} that refreshes only when told: what is searchable is what a change made so. */
    static LuceneDocumentStore open(Path dir) {
        return LuceneDocumentStore.open(dir, StoreSettings.defaults().withRefreshInterval(Duration.ofHours(1)));
    }

    /** How many documents the query finds (no highlights, no facets). */
    static long hits(DocumentStore store, String query) {
        return store.search(new SearchQuery(query, null, null, null, null, null, null, null, 0, 10, false, false))
                .total();
    }
}
