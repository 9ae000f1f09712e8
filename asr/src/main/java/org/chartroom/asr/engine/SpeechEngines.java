package org.chartroom.asr.engine;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.chartroom.asr.AsrSettings;
import org.chartroom.asr.sphinx.PocketSphinxEngine;
import org.chartroom.asr.sphinx.PocketSphinxModel;
import org.chartroom.asr.vosk.VoskEngine;
import org.chartroom.core.error.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the engine the settings choose (see {@link EngineChoice}). */
public final class SpeechEngines {
    private static final Logger LOG = LoggerFactory.getLogger(SpeechEngines.class);

    private SpeechEngines() {
    }

    /**
     * The configured engine. {@code auto}: Vosk when a model is configured and loads, else PocketSphinx when
     * installed, else one error naming both fixes.
     *
     * @throws ConfigurationException when the chosen engine (or, for auto, any engine) is unavailable
     */
    public static SpeechEngine open(AsrSettings settings) {
        switch (settings.engine()) {
            case VOSK:
                return new VoskEngine(settings.voskModel());
            case POCKETSPHINX:
                return pocketSphinx(settings);
            default:
                break;
        }
        if (settings.voskModelConfigured() || Files.isDirectory(settings.voskModel())) {
            try {
                return new VoskEngine(settings.voskModel());
            } catch (ConfigurationException e) {
                if (settings.voskModelConfigured() && !PocketSphinxEngine.installed()) {
                    throw e;
                }
                LOG.warn("Vosk is not usable ({}); using PocketSphinx", e.getMessage());
            }
        }
        if (PocketSphinxEngine.installed()) {
            return pocketSphinx(settings);
        }
        throw new ConfigurationException("no speech recogniser is available: set CHARTROOM_VOSK_MODEL to a Vosk model"
                + " folder (or run `chartroom models fetch vosk-small-en-us`), or install PocketSphinx"
                + " (apt-get install pocketsphinx pocketsphinx-en-us)");
    }

    /** PocketSphinx with the medical model when {@code train-lm} built one (and it is not switched off). */
    public static PocketSphinxEngine pocketSphinx(AsrSettings settings) {
        PocketSphinxModel model = !settings.stockLanguageModel()
                && PocketSphinxModel.adapted(settings.medicalModel()).missingFile().isEmpty()
                ? PocketSphinxModel.adapted(settings.medicalModel()) : PocketSphinxModel.stock();
        List<String> options = new ArrayList<>(PocketSphinxEngine.FAST_OPTIONS);
        options.addAll(settings.decoderOptions());
        return new PocketSphinxEngine(PocketSphinxEngine.BINARY, model, options);
    }
}
