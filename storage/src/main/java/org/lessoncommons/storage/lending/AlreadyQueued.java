package org.lessoncommons.storage.lending;

import java.util.UUID;

/** The person already waits for this title. */
public class AlreadyQueued extends RuntimeException {

    public AlreadyQueued(UUID titleId) {
        super("Already in the queue for title " + titleId);
    }
}
