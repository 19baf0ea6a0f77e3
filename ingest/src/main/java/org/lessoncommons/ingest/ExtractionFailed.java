package org.lessoncommons.ingest;

/**
 * The child could not extract one document: it reported the document unreadable, crashed, timed
 * out or answered garbage. The message is the reason, readable by a teacher.
 */
class ExtractionFailed extends Exception {

    ExtractionFailed(String reason) {
        super(reason);
    }

    ExtractionFailed(String reason, Throwable cause) {
        super(reason, cause);
    }
}
