package org.chartroom.asr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chartroom.asr.process.SupervisedProcess;

/** Audio fixtures made by the tests themselves: speech from flite, other formats from sox and ffmpeg. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The shared data folder (../shared/data), as surefire passes it. */
    public static Path sharedData() {
        return Path.of(System.getProperty("chartroom.shared", "../../shared")).resolve("data");
    }

    public static void assumeTools(String... tools) {
        for (String tool : tools) {
            assumeTrue(SupervisedProcess.available(tool), tool + " is not installed (CI installs it: see .ci/run)");
        }
    }

    /** flite reading {@code text} with {@code voice} (slt, rms, awb) into a WAV file. */
    public static Path speak(String text, String voice, Path wav) {
        assumeTools("flite");
        run(List.of("flite", "-voice", voice, "-t", text, "-o", wav.toString()));
        return wav;
    }

    /** ffmpeg converting {@code in} with the given output options. */
    public static Path convert(Path in, Path out, String... options) {
        assumeTools("ffmpeg");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-y", "-v", "error", "-i", in.toString()));
        command.addAll(List.of(options));
        command.add(out.toString());
        run(command);
        return out;
    }

    public static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Path writeBytes(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }
}
