package org.lessoncommons.storage.lending;

import java.util.UUID;

/** The copy is already requested by, promised to or lent to someone else. */
public class CopyUnavailable extends RuntimeException {

    private final UUID copyId;

    public CopyUnavailable(UUID copyId) {
        super("Copy " + copyId + " is already requested or lent");
        this.copyId = copyId;
    }

    public UUID copyId() {
        return copyId;
    }
}
