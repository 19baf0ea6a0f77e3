package org.lessoncommons.storage.lending;

import java.util.UUID;

/** No title, copy, loan or hold with that id. */
public class LendingNotFound extends RuntimeException {

    public LendingNotFound(String what, UUID id) {
        super("No " + what + " with id " + id);
    }
}
