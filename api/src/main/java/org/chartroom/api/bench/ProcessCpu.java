package org.chartroom.api.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent by this process and by the child processes it has waited for (Linux {@code /proc/self/stat}: user
 * and system time of both), so that a benchmark running external programs (tesseract) can report CPU seconds per
 * item: a figure that, unlike wall-clock throughput, does not depend on what else the machine is doing.
 *
 * @param jvmSeconds      user + system time of this JVM, all threads
 * @param childrenSeconds user + system time of the children that have ended and been waited for
 */
public record ProcessCpu(double jvmSeconds, double childrenSeconds) {
    private static final Path STAT = Path.of("/proc/self/stat");
    private static final Path LOAD = Path.of("/proc/loadavg");
    /** The unit of /proc times: USER_HZ, 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /** The CPU used so far; NaN figures where the platform does not tell. */
    public static ProcessCpu now() {
        double jvm = Double.NaN;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            jvm = nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        double children = Double.NaN;
        try {
            String stat = Files.readString(STAT);
            // Fields after the command name (which may hold spaces) in parentheses; cutime and cstime are the 16th and
            // 17th fields of the line, the 14th and 15th after the closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            children = (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            // not Linux: children's time unknown
        }
        return new ProcessCpu(jvm, children);
    }

    /** The CPU used between {@code earlier} and this. */
    public ProcessCpu since(ProcessCpu earlier) {
        return new ProcessCpu(jvmSeconds - earlier.jvmSeconds, childrenSeconds - earlier.childrenSeconds);
    }

    public double totalSeconds() {
        return jvmSeconds + childrenSeconds;
    }

    /** The 1-minute load average (Linux), so a wall-clock figure taken on a busy machine shows it; NaN elsewhere. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(LOAD).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
