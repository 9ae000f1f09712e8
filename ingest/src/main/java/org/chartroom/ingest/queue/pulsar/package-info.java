/**
 * The scale-out work queue over Apache Pulsar ({@code pulsar-client}, shaded; the broker runs as its own process):
 * one persistent topic per stage, keyed by document id on a Key_Shared subscription, messages that carry only the
 * document id, version and stage, acknowledgement after the stage's result is durable, negative acknowledgement with
 * backoff, and a dead-letter topic per stage after the configured number of attempts.
 */
package org.chartroom.ingest.queue.pulsar;
