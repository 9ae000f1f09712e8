package org.chartroom.asr;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chartroom.asr.engine.EngineChoice;
import org.chartroom.core.error.ConfigurationException;

/**
 * The dictation settings, each with a default that works on a machine with Debian's PocketSphinx and ffmpeg.
 *
 * @param engine              {@code CHARTROOM_ASR_ENGINE}: auto, vosk or pocketsphinx
 * @param voskModel           {@code CHARTROOM_VOSK_MODEL}: an unpacked Vosk model folder (default: where
 *                            {@code chartroom models fetch vosk-small-en-us} puts it)
 * @param voskModelConfigured true when {@code CHARTROOM_VOSK_MODEL} was set explicitly (auto then insists on it
 *                            being present, rather than silently using PocketSphinx)
 * @param medicalModel        {@code CHARTROOM_POCKETSPHINX_MODEL}: the folder {@code chartroom asr train-lm} wrote; used
 *                            when present
 * @param stockLanguageModel  true when {@code CHARTROOM_POCKETSPHINX_MODEL=stock}: Debian's stock language model and
 *                            dictionary even when a medical model exists
 * @param ffmpeg              {@code CHARTROOM_FFMPEG}: the ffmpeg executable
 * @param maxSeconds          {@code CHARTROOM_ASR_MAX_SECONDS}: the longest dictation accepted (413 above)
 * @param lowConfidence       {@code CHARTROOM_ASR_LOW_CONFIDENCE}: words below this confidence are marked
 * @param streams             {@code CHARTROOM_ASR_STREAMS}: dictations recognised at once
 * @param spoolDir            where uploaded audio is spooled for decoding (inside the data directory: it is PHI)
 * @param decoderOptions      {@code CHARTROOM_POCKETSPHINX_OPTIONS}: extra PocketSphinx decoder flags
 */
public record AsrSettings(EngineChoice engine, Path voskModel, boolean voskModelConfigured, Path medicalModel,
                          boolean stockLanguageModel, String ffmpeg, double maxSeconds, double lowConfidence,
                          int streams, Path spoolDir, List<String> decoderOptions) {
    public static final String DEFAULT_VOSK_FOLDER = "vosk-model-small-en-us-0.15";
    public static final String MEDICAL_FOLDER = "pocketsphinx-medical";

    public AsrSettings {
        decoderOptions = List.copyOf(decoderOptions);
        if (maxSeconds <= 0 || lowConfidence < 0 || lowConfidence > 1 || streams < 1) {
            throw new ConfigurationException("dictation settings out of range: CHARTROOM_ASR_MAX_SECONDS must be"
                    + " positive, CHARTROOM_ASR_LOW_CONFIDENCE in [0, 1], CHARTROOM_ASR_STREAMS at least 1");
        }
    }

    /** The models folder ({@code CHARTROOM_MODELS}, default {@code <data>/models}). */
    public static Path modelsDir(Path dataDir, Map<String, String> env) {
        String models = env.get("CHARTROOM_MODELS");
        return models != null && !models.isBlank() ? Path.of(models) : dataDir.resolve("models");
    }

    public static AsrSettings fromEnvironment(Path dataDir, Map<String, String> env) {
        Path models = modelsDir(dataDir, env);
        String vosk = env.get("CHARTROOM_VOSK_MODEL");
        boolean voskSet = vosk != null && !vosk.isBlank();
        String medical = env.getOrDefault("CHARTROOM_POCKETSPHINX_MODEL", "");
        boolean stock = "stock".equalsIgnoreCase(medical.strip());
        String options = env.getOrDefault("CHARTROOM_POCKETSPHINX_OPTIONS", "");
        try {
            return new AsrSettings(
                    EngineChoice.parse(env.getOrDefault("CHARTROOM_ASR_ENGINE", "auto")),
                    voskSet ? Path.of(vosk) : models.resolve(DEFAULT_VOSK_FOLDER), voskSet,
                    medical.isBlank() || stock ? models.resolve(MEDICAL_FOLDER) : Path.of(medical), stock,
                    env.getOrDefault("CHARTROOM_FFMPEG", "ffmpeg"),
                    Double.parseDouble(env.getOrDefault("CHARTROOM_ASR_MAX_SECONDS", "3600")),
                    Double.parseDouble(env.getOrDefault("CHARTROOM_ASR_LOW_CONFIDENCE", "0.5")),
                    Integer.parseInt(env.getOrDefault("CHARTROOM_ASR_STREAMS",
                            String.valueOf(Runtime.getRuntime().availableProcessors()))),
                    dataDir.resolve("tmp").resolve("asr"),
                    options.isBlank() ? List.of() : List.of(options.strip().split("\\s+")));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("a dictation setting is not a number (CHARTROOM_ASR_MAX_SECONDS,"
                    + " CHARTROOM_ASR_LOW_CONFIDENCE, CHARTROOM_ASR_STREAMS): " + e.getMessage());
        }
    }

    public AsrSettings withEngine(EngineChoice choice) {
        return new AsrSettings(choice, voskModel, voskModelConfigured, medicalModel, stockLanguageModel, ffmpeg,
                maxSeconds, lowConfidence, streams, spoolDir, decoderOptions);
    }

    public AsrSettings withStockLanguageModel(boolean stock) {
        return new AsrSettings(engine, voskModel, voskModelConfigured, medicalModel, stock, ffmpeg, maxSeconds,
                lowConfidence, streams, spoolDir, decoderOptions);
    }

    public AsrSettings withStreams(int n) {
        return new AsrSettings(engine, voskModel, voskModelConfigured, medicalModel, stockLanguageModel, ffmpeg,
                maxSeconds, lowConfidence, n, spoolDir, decoderOptions);
    }
}
