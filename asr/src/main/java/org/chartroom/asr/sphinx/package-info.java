/**
 * The PocketSphinx engine: Debian's {@code pocketsphinx_continuous} as a supervised process per stream, with the stock
 * or the medical (train-lm) language model and dictionary.
 */
package org.chartroom.asr.sphinx;
