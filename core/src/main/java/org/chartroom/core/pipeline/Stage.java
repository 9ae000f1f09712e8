package org.chartroom.core.pipeline;

/** The pipeline's stages, in the order a document passes through them. */
public enum Stage {
    /** Text from a typed original (Tika). */
    EXTRACT,
    /** Text recognised from page images (Tesseract). */
    OCR,
    /** Transcript of a dictation (speech recognition). */
    ASR,
    /** Sentences, sections, concepts, context, codes. */
    NLP,
    /** Writing the record to the Lucene store. */
    INDEX
}
