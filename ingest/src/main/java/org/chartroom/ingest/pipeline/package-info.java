/**
 * The pipeline: {@link org.chartroom.ingest.pipeline.Pipeline} turns an accepted original into a DRAFT (or a FAILED
 * record with a reason) in the document store, running its stages in one go (the embedded default) or some of them
 * in this process and handing the rest to other processes ({@link org.chartroom.ingest.pipeline.StageReaders} routes
 * originals to EXTRACT, OCR or ASR), and answers "where is this document?" across store, pipeline and intake; {@link org.chartroom.ingest.pipeline.PeriodicCommitter}
 * makes results durable in batches; and {@link org.chartroom.ingest.pipeline.Recovery} queues again, at start, every
 * accepted document without a stored result. Together they give the design's promise: the store is the source of
 * truth, and work lost in a crash is redone from the originals.
 */
package org.chartroom.ingest.pipeline;
