package org.chartroom.api.cli;

import java.nio.file.Path;
import org.chartroom.api.runtime.ChartroomSettings;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option every command takes. */
final class DataOption {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CHARTROOM_DATA:-./data}",
            description = "Data directory (originals, index, logs). Default: ${DEFAULT-VALUE} (env CHARTROOM_DATA).")
    Path dataDir;

    ChartroomSettings settings() {
        return ChartroomSettings.fromEnvironment(dataDir, System.getenv());
    }
}
