/** The recogniser engine contract ({@link org.chartroom.asr.engine.SpeechEngine}) and the engine choice. */
package org.chartroom.asr.engine;
