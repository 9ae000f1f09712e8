/**
 * Speech recognition for dictations: the {@link org.chartroom.asr.Transcriber} port and its records
 * ({@link org.chartroom.asr.Transcript}, {@link org.chartroom.core.text.SpokenWord}), the
 * {@link org.chartroom.asr.DictationTranscriber} (ffmpeg decoding → engine → low-confidence marks → formatted draft),
 * its {@link org.chartroom.asr.AsrSettings}, and the {@link org.chartroom.asr.AudioTextExtractor} that lets the
 * pipeline treat a dictation as one page of text. The audio, engines, formatting, language-model and evaluation parts
 * live in the sub-packages.
 */
package org.chartroom.asr;
