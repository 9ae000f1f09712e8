/**
 * Ingest: everything between an upload and a stored draft. {@code format} recognises what a file is from its bytes,
 * {@code intake} validates uploads and keeps originals durably, {@code extract} turns originals into text,
 * {@code queue} carries work between stages (in process, or over Pulsar in {@code queue.pulsar}), {@code results}
 * keeps a stage's output for the next stage when they run apart, and {@code pipeline} runs the stages, tracks
 * progress and recovers unfinished work after a restart. Nothing here logs PHI: only document ids, sizes and media types.
 */
package org.chartroom.ingest;
