/**
 * Recognising scans with Tesseract: {@link org.chartroom.ingest.ocr.ScanRecognizer} reads image files
 * ({@link org.chartroom.ingest.ocr.ScanImages}, one page at a time, pixel limits checked from headers) and renders PDF
 * pages without a text layer, prepares each page ({@link org.chartroom.ingest.ocr.Preprocessor}: resolution
 * normalisation, background cleaning, deskew, each only on pages that need it and kept because
 * {@code chartroom bench ocr} shows its gain) and runs one single-threaded {@link org.chartroom.ingest.ocr.Tesseract}
 * process per page, pages in parallel, each with a timeout; {@link org.chartroom.ingest.ocr.PageReader} turns a
 * page whose reading looks wrong by what Tesseract's orientation detection says, and reads it again.
 */
package org.chartroom.ingest.ocr;
