package org.chartroom.ingest.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chartroom.core.pipeline.WorkHandler;
import org.chartroom.core.pipeline.WorkItem;
import org.chartroom.core.pipeline.WorkQueue;

/** A queue that only records what was submitted; closing it makes submit throw, as real queues do. */
public final class RecordingWorkQueue implements WorkQueue {
    public final List<WorkItem> submitted = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    @Override
    public void start(WorkHandler handler) {
    }

    @Override
    public void submit(WorkItem item) {
        if (closed) {
            throw new IllegalStateException("the work queue is closed");
        }
        submitted.add(item);
    }

    @Override
    public long pending() {
        return submitted.size();
    }

    @Override
    public void close() {
        closed = true;
    }
}
