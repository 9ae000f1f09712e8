package org.chartroom.api.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real worker process ({@code java -jar chartroom.jar worker --stages … --data …}), as an operator starts one next
 * to {@code chartroom serve --pulsar}; the broker and topics come from the environment
 * ({@code CHARTROOM_PULSAR_URL}, {@code CHARTROOM_PULSAR_TOPICS}). Its log goes to a file the tests read.
 */
public final class WorkerProcess implements AutoCloseable {
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> env;
    private final String stages;
    private Process process;

    public WorkerProcess(Path dataDir, Path log, Map<String, String> env, String stages) {
        this.dataDir = dataDir;
        this.log = log;
        this.env = env;
        this.stages = stages;
    }

    /** Starts the worker and waits until it has subscribed ("worker ready" in its log). */
    public WorkerProcess start() throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", ServerProcess.jar().toString(), "worker", "--data", dataDir.toString(),
                "--stages", stages);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        int readyBefore = count("worker ready");
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count("worker ready") == readyBefore) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the worker exited with " + process.exitValue() + "; log:\n"
                        + logText());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the worker was not ready within 120 s; log:\n" + logText());
            }
            Thread.sleep(100);
        }
        return this;
    }

    /** How many lines of the log contain {@code text} (e.g. "drafted": one per document this worker finished). */
    public int count(String text) throws IOException {
        return (int) logText().lines().filter(l -> l.contains(text)).count();
    }

    public String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: in-flight work is neither finished nor acknowledged. */
    public void kill() throws InterruptedException {
        ChildProcesses.kill(process);
    }

    /** SIGTERM and wait: a graceful stop. Returns the exit code. */
    public int stop() throws InterruptedException {
        return ChildProcesses.stop(process);
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            stop();
        }
    }
}
