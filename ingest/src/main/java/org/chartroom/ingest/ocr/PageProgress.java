package org.chartroom.ingest.ocr;

/**
 * Told how many of a document's pages have been recognised. Called from recognition threads, so implementations are
 * thread-safe; {@code done} may arrive out of order.
 */
@FunctionalInterface
public interface PageProgress {
    PageProgress NONE = (done, total) -> { };

    void pages(int done, int total);
}
