/**
 * Evaluation of dictation: word error rate as NIST sclite counts it (cross-checked with sctk), the shared speech
 * samples, and the flite-synthesized dictation set.
 */
package org.chartroom.asr.eval;
