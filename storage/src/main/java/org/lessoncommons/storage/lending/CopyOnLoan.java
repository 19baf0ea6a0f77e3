package org.lessoncommons.storage.lending;

import java.util.UUID;

/** A copy that is requested or lent cannot move to another shelf until it is back. */
public class CopyOnLoan extends RuntimeException {

    public CopyOnLoan(UUID copyId) {
        super("Copy " + copyId + " is requested or on loan and cannot be moved");
    }
}
