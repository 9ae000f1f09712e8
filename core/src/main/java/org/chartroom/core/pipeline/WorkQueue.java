package org.chartroom.core.pipeline;

/**
 * Carries work items from intake to the stages. The embedded default is an in-process queue whose pending work is
 * rebuilt from the store at start; the scale-out adapter is Apache Pulsar (one topic per stage).
 *
 * <p>Thread-safe. {@link #close()} stops taking work, lets in-flight items finish (or returns them to the queue)
 * and releases threads or connections.
 */
public interface WorkQueue extends AutoCloseable {

    /** Starts delivering items to the handler. Called once. */
    void start(WorkHandler handler);

    /** Queues an item. Never blocks indefinitely; throws when the queue is closed. */
    void submit(WorkItem item);

    /** Items submitted but not finished yet (queued or in flight). */
    long pending();

    @Override
    void close();
}
