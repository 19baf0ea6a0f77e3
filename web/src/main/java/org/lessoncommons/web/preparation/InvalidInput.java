package org.lessoncommons.web.preparation;

/** A request field holds a value the preparation API does not accept. */
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
