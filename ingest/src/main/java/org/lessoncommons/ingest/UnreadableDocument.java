package org.lessoncommons.ingest;

/** Tika could not get text out of a file (corrupt, encrypted, unsupported …). */
public class UnreadableDocument extends RuntimeException {

    public UnreadableDocument(String message, Throwable cause) {
        super(message, cause);
    }
}
