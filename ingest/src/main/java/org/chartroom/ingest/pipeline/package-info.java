/**
 * The embedded pipeline: {@link org.chartroom.ingest.pipeline.Pipeline} turns an accepted original into a DRAFT (or a
 * FAILED record with a reason) in the document store and answers "where is this document?" across store, pipeline
 * and intake; {@link org.chartroom.ingest.pipeline.PeriodicCommitter}
 * makes results durable in batches; and {@link org.chartroom.ingest.pipeline.Recovery} queues again, at start, every
 * accepted document without a stored result. Together they give the design's promise: the store is the source of
 * truth, and work lost in a crash is redone from the originals.
 */
package org.chartroom.ingest.pipeline;
