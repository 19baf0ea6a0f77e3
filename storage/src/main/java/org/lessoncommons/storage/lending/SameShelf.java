package org.lessoncommons.storage.lending;

import java.util.UUID;

/** A transfer to the shelf the copy already stands on. */
public class SameShelf extends RuntimeException {

    public SameShelf(UUID copyId, UUID schoolId) {
        super("Copy " + copyId + " already stands at school " + schoolId);
    }
}
