package org.lessoncommons.web;

/** A request field holds a value the API does not accept. */
class InvalidField extends RuntimeException {

    private final String field;

    InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
