package org.lessoncommons.web.reports;

/** A report request parameter (the semester, the alliance) holds a value we do not accept. */
public class InvalidReportParameter extends RuntimeException {

    private final String field;

    InvalidReportParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
