/**
 * What a file is: {@link org.chartroom.ingest.format.MediaTypeSniffer} detects the media type from the bytes (never
 * from the file name), and {@link org.chartroom.ingest.format.DocumentFormats} is the one list of the document formats
 * Chartroom knows, used for messages that tell a user what they can upload instead.
 */
package org.chartroom.ingest.format;
