package org.lessoncommons.ingest;

/**
 * Text Tika got out of a file.
 *
 * @param contentType the media type Tika detected from the bytes
 * @param truncated whether the text was cut at the configured limit
 */
public record ExtractedText(String text, String contentType, boolean truncated) {}
