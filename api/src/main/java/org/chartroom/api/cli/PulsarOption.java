package org.chartroom.api.cli;

import picocli.CommandLine.Option;

/** The {@code --pulsar URL} option of the commands that run the pipeline's stages over Pulsar. */
final class PulsarOption {
    @Option(names = "--pulsar", paramLabel = "URL", defaultValue = "${env:CHARTROOM_PULSAR_URL:-}",
            description = "The Pulsar broker the stages run through, e.g. pulsar://127.0.0.1:6650 "
                    + "(env CHARTROOM_PULSAR_URL).")
    String url;
}
