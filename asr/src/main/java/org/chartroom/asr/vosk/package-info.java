/**
 * The Vosk engine (one shared model, one recogniser per stream) and the installer of catalogued model archives
 * ({@code chartroom models fetch}).
 */
package org.chartroom.asr.vosk;
