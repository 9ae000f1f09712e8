/**
 * Audio in: any common format decoded and resampled by a supervised ffmpeg into 16 kHz mono 16-bit PCM, streamed in
 * chunks, with the duration limit enforced while reading.
 */
package org.chartroom.asr.audio;
