package org.chartroom.asr.engine;

import java.util.Locale;
import org.chartroom.core.error.ConfigurationException;

/** Which engine recognises dictations ({@code CHARTROOM_ASR_ENGINE}). */
public enum EngineChoice {
    /** Vosk when a model is configured and loads, else PocketSphinx when installed. */
    AUTO,
    VOSK,
    POCKETSPHINX;

    public static EngineChoice parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("CHARTROOM_ASR_ENGINE must be auto, vosk or pocketsphinx (was '"
                    + value + "')");
        }
    }
}
