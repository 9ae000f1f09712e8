/**
 * Domain adaptation for PocketSphinx: a trigram language model of notes in spoken form, and pronunciations for
 * medical words missing from the CMU dictionary (espeak-ng phonemes mapped to CMU phones).
 */
package org.chartroom.asr.lm;
