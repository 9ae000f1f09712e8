package org.chartroom.core.document;

import java.time.Instant;
import java.util.List;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Page;
import org.chartroom.core.text.Transcription;

/**
 * One version of a document's text. Version 1 is what the pipeline produced from the original; later versions are
 * corrections or addenda by a person. NLP results belong to the version they were computed on.
 *
 * @param number        1, 2, …
 * @param createdAt     when this version was made
 * @param createdBy     user id, or "pipeline" for machine output
 * @param source        how the text came about (e.g. "extract", "ocr", "asr", {@value #EDIT}, {@value #ADDENDUM})
 * @param text          the full text
 * @param pages         per-page text where the original has pages (one page for page-less formats)
 * @param annotation    sentences, sections, concepts and codes found in {@code text}
 * @param transcription for the machine version of a dictation, what the recogniser heard (word timings, raw output);
 *                      null otherwise (a person's correction has no timings of its own)
 */
public record DocumentVersion(int number, Instant createdAt, String createdBy, String source, String text,
                              List<Page> pages, Annotation annotation, Transcription transcription) {
    /** The source of a version a person wrote (a correction of the one before). */
    public static final String EDIT = "edit";
    /** The source of a version an addendum made (the signed text with the addendum after it). */
    public static final String ADDENDUM = "addendum";

    public DocumentVersion {
        pages = List.copyOf(pages);
    }

    /** A version without a transcription (typed, scanned or edited text). */
    public DocumentVersion(int number, Instant createdAt, String createdBy, String source, String text,
                           List<Page> pages, Annotation annotation) {
        this(number, createdAt, createdBy, source, text, pages, annotation, null);
    }
}
