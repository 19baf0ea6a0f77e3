package org.lessoncommons.web.accounts;

/** A field of an account request that cannot be accepted (400), with the reason for a person. */
public class AccountProblem extends RuntimeException {

    private final String field;

    public AccountProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
