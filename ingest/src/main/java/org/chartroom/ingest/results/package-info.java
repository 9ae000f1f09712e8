/**
 * The derived-results store: what a stage produced for a document version (its text, its annotated draft, or the
 * reason it failed), kept durably and sealed like the originals, so that the next stage can run in another process
 * and a restart resumes from the furthest stage a document reached. Results are transient: the index stage discards
 * them once the record is committed to the document store.
 */
package org.chartroom.ingest.results;
