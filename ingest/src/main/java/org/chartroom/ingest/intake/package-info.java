/**
 * Intake: accepting an upload. {@link org.chartroom.ingest.intake.IntakeService} streams the upload to disk within a
 * size limit, detects its type from the bytes, checks that a PDF can be opened (and the headers of images and WAV
 * dictations), and only then stores it in the
 * {@link org.chartroom.ingest.intake.OriginalStore}, whose contract is that an upload is acknowledged only once its
 * original and intake record survive a crash. Every accepted upload is then queued for extraction.
 */
package org.chartroom.ingest.intake;
