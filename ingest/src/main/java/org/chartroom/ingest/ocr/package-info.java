/**
 * Recognising scans with Tesseract: {@link org.chartroom.ingest.ocr.ScanRecognizer} reads image files
 * ({@link org.chartroom.ingest.ocr.ScanImages}, one page at a time, pixel limits checked from headers) and renders PDF
 * pages without a text layer, and runs one single-threaded {@link org.chartroom.ingest.ocr.Tesseract} process per
 * page, pages in parallel, each with a timeout. Low or unequal resolutions (fax) are normalised first
 * ({@link org.chartroom.ingest.ocr.Resolution}), the one preprocessing step the benchmark shows a gain for.
 */
package org.chartroom.ingest.ocr;
