package org.lessoncommons.storage.lending;

import java.util.EnumSet;
import java.util.Set;

public enum LoanState {
    REQUESTED,
    APPROVED,
    CHECKED_OUT,
    RETURNED,
    REJECTED,
    CANCELLED;

    /** The states that hold the copy for one person (the partial unique index of {@code lending_loan}). */
    public static final Set<LoanState> ACTIVE = EnumSet.of(REQUESTED, APPROVED, CHECKED_OUT);

    public boolean active() {
        return ACTIVE.contains(this);
    }
}
