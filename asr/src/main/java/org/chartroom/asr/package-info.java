/**
 * Speech recognition for dictations: audio decoding and resampling, the recogniser engines (Vosk, PocketSphinx)
 * behind the {@code Transcriber} port, and the formatting of spoken punctuation and headings into a draft.
 *
 * <p>Not built yet (issue: Dictation). Until then an audio upload is refused at intake with a reason that says
 * dictation is not enabled, so nothing is accepted that the pipeline cannot finish.
 */
package org.chartroom.asr;
