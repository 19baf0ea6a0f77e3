package org.lessoncommons.storage.lending;

import java.util.UUID;

/** A loan step asked of a loan whose state does not allow it (approve a returned loan, …). */
public class LoanStateConflict extends RuntimeException {

    private final LoanState state;
    private final LoanState wanted;

    public LoanStateConflict(UUID loanId, LoanState state, LoanState wanted) {
        super("Loan %s is %s and cannot become %s".formatted(loanId, state, wanted));
        this.state = state;
        this.wanted = wanted;
    }

    public LoanState state() {
        return state;
    }

    public LoanState wanted() {
        return wanted;
    }
}
