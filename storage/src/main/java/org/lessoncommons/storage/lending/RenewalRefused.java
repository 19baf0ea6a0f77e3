package org.lessoncommons.storage.lending;

import java.util.UUID;

/** A loan that may not be renewed, and why. */
public class RenewalRefused extends RuntimeException {

    public enum Reason {
        NOT_CHECKED_OUT,
        OVERDUE,
        LIMIT_REACHED,
        OTHERS_WAITING
    }

    private final Reason reason;

    public RenewalRefused(UUID loanId, Reason reason) {
        super("Loan " + loanId + " cannot be renewed: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
