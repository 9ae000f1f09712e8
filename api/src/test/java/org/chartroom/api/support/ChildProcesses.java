package org.chartroom.api.support;

import java.util.concurrent.TimeUnit;

/** Stopping the Chartroom processes a test started, the two ways an operator or a crash would. */
final class ChildProcesses {
    private ChildProcesses() {
    }

    /** SIGKILL: the process gets no chance to flush, commit, acknowledge or close anything. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait (SIGKILL after a minute): a graceful stop. Returns the exit code. */
    static int stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }
}
