package org.lessoncommons.web.lending;

/** A request field of the lending API holds a value it does not accept. */
class InvalidLendingField extends RuntimeException {

    private final String field;

    InvalidLendingField(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
