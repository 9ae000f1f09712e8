/**
 * Benchmarks ({@code chartroom bench …}): ingest throughput and search latency, printed as a table and written as
 * JSON. Figures are medians over several runs; nothing here asserts timings.
 */
package org.chartroom.api.bench;
