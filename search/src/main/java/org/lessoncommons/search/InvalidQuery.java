package org.lessoncommons.search;

/** The query cannot be run as given (bad paging, syntax the parser rejects …). */
public class InvalidQuery extends RuntimeException {

    public InvalidQuery(String message) {
        super(message);
    }
}
