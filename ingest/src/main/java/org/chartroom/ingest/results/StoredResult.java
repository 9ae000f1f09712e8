package org.chartroom.ingest.results;

import java.util.Optional;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.pipeline.Stage;

/**
 * The furthest result stored for a document version: nothing yet, its text (waiting for NLP), its draft (waiting for
 * the index), or the reason it failed (waiting for the index to record the failure).
 */
public record StoredResult(Kind kind, Optional<TextResult> text, Optional<DocumentVersion> draft,
                           Optional<String> failure) {
    /** What is stored, from least to most advanced. */
    public enum Kind {
        NONE(Stage.EXTRACT), TEXT(Stage.NLP), DRAFT(Stage.INDEX), FAILED(Stage.INDEX);

        private final Stage next;

        Kind(Stage next) {
            this.next = next;
        }

        /** The stage that takes this result on (EXTRACT, which reads the original, when nothing is stored). */
        public Stage next() {
            return next;
        }
    }

    public static final StoredResult NONE = new StoredResult(Kind.NONE, Optional.empty(), Optional.empty(),
            Optional.empty());

    public static StoredResult text(TextResult text) {
        return new StoredResult(Kind.TEXT, Optional.of(text), Optional.empty(), Optional.empty());
    }

    public static StoredResult draft(DocumentVersion draft) {
        return new StoredResult(Kind.DRAFT, Optional.empty(), Optional.of(draft), Optional.empty());
    }

    public static StoredResult failed(String reason) {
        return new StoredResult(Kind.FAILED, Optional.empty(), Optional.empty(), Optional.of(reason));
    }
}
