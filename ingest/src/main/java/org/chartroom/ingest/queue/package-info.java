/**
 * Work queues ({@link org.chartroom.core.pipeline.WorkQueue} implementations). The embedded one runs in-process on a
 * few threads and keeps nothing on disk: its pending work is rebuilt from the stores at start (see
 * {@code pipeline.Recovery}). The Pulsar adapter for scale-out is in {@code queue.pulsar}.
 */
package org.chartroom.ingest.queue;
