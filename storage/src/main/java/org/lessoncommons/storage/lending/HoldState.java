package org.lessoncommons.storage.lending;

public enum HoldState {
    /** In the queue for the next free copy. */
    WAITING,
    /** A copy was requested for the holder (see {@link Hold#loanId()}); the hold has done its work. */
    OFFERED,
    CANCELLED
}
