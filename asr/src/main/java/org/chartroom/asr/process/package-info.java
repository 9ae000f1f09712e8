/**
 * Supervision of the external tools the dictation path uses (ffmpeg, pocketsphinx, flite, espeak-ng, sclite):
 * bounded waits, drained standard error, the process killed on every exit path.
 */
package org.chartroom.asr.process;
