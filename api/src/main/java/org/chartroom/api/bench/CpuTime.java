package org.chartroom.api.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time, the figure that other work on the machine disturbs least: wall-clock throughput on a shared 2-core
 * machine mostly measures the neighbours, while the CPU seconds a piece of work costs stay close to what it costs on an
 * idle one. Benchmarks report both.
 */
public final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    /** CPU time of the whole process (all threads, user + system) in nanoseconds; -1 where the JVM does not tell. */
    public static long processNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** CPU time of the calling thread (user + system) in nanoseconds; -1 where the JVM does not tell. */
    public static long threadNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
