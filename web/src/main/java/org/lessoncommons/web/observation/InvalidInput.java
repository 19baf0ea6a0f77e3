package org.lessoncommons.web.observation;

/** A request field holds a value the observation API does not accept. */
class InvalidInput extends RuntimeException {

    private final String field;

    InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
