/**
 * Text from typed originals: {@link org.chartroom.ingest.extract.TikaTextExtractor} reads plain text, PDF, Word
 * (DOCX and DOC), RTF, HTML and OpenDocument text with Apache Tika, keeping PDF text per page. OCR of scanned pages is
 * a separate stage and is switched off here explicitly, so results never depend on whether Tesseract is installed.
 */
package org.chartroom.ingest.extract;
