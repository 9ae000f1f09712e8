package org.chartroom.api.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, the figure that other work on the machine disturbs least: wall-clock throughput on a shared 2-core
 * machine mostly measures the neighbours, while the CPU seconds a piece of work costs stay close to what it costs on an
 * idle one. Benchmarks report both.
 */
public final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path STAT = Path.of("/proc/self/stat");
    /** The unit of /proc times: USER_HZ, 100 on every Linux architecture Java runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

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

    /**
     * CPU time (user + system) of the child processes this JVM has started, once they have ended and been waited
     * for (as {@link Process} does), in nanoseconds: what external programs such as tesseract cost. Linux
     * ({@code /proc/self/stat}); -1 elsewhere.
     */
    public static long childrenNanos() {
        try {
            String stat = Files.readString(STAT);
            // After the command name in parentheses (which may hold spaces): cutime and cstime are the 14th and 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
