package org.chartroom.core.pipeline;

/**
 * Does the work a {@link WorkItem} names. Called concurrently from the queue's worker threads, so implementations
 * are thread-safe; a handler must not throw for bad content (it records the document as FAILED instead). An
 * exception means "try again later" and the queue's retry policy applies.
 */
@FunctionalInterface
public interface WorkHandler {
    void handle(WorkItem item) throws Exception;
}
