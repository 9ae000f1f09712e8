package org.chartroom.asr.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chartroom.core.error.ConfigurationException;

/**
 * An external tool (ffmpeg, pocketsphinx, flite, espeak-ng, sclite) run under supervision: its standard error is
 * drained on a daemon thread into a short tail (so a chatty tool never blocks, and its last words explain a failure),
 * waiting is bounded, and {@link #close()} kills the process (and its children) whatever happened.
 *
 * <p>One instance is one process, used by one thread (the drain thread is internal).
 */
public final class SupervisedProcess implements AutoCloseable {
    private static final int TAIL_LINES = 12;

    private final Process process;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread drain;

    private SupervisedProcess(Process process, String tool) {
        this.process = process;
        this.drain = new Thread(() -> drain(process.getErrorStream()), tool + "-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts {@code command}; the first element is the tool, found on the PATH or given as a path.
     *
     * @param installHint what to do when the tool is missing (e.g. "apt-get install ffmpeg or set CHARTROOM_FFMPEG")
     * @throws ConfigurationException when the tool cannot be started
     */
    public static SupervisedProcess start(List<String> command, String installHint) {
        String tool = Path.of(command.get(0)).getFileName().toString();
        try {
            return new SupervisedProcess(new ProcessBuilder(command).start(), tool);
        } catch (IOException e) {
            throw new ConfigurationException(tool + " cannot be started (" + e.getMessage() + "); " + installHint, e);
        }
    }

    /** True when {@code tool} (a name on the PATH, or a path) is an executable file. */
    public static boolean available(String tool) {
        if (tool.contains("/")) {
            return Files.isExecutable(Path.of(tool));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    /**
     * Waits for the process to end.
     *
     * @return the exit code, or empty-handed {@code -1} when it did not end in time (it is then killed)
     */
    public int await(long timeoutMillis) {
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                kill();
                return -1;
            }
            drain.join(1000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return -1;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the tool wrote to its standard error, joined by " | " (may quote a path: not for logs). */
    public String stderrTail() {
        synchronized (stderrTail) {
            return String.join(" | ", stderrTail);
        }
    }

    private void drain(InputStream err) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                synchronized (stderrTail) {
                    if (stderrTail.size() == TAIL_LINES) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line.strip());
                }
            }
        } catch (IOException e) {
            // the process was killed: nothing more to read
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Kills the process if it is still running and closes its pipes. Idempotent. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        closeQuietly(process.getOutputStream());
        closeQuietly(process.getInputStream());
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already closed or broken: the process is gone either way
        }
    }
}
