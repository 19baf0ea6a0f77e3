package org.lessoncommons.ingest;

import java.util.UUID;

/** The upload names a school that does not exist. */
public class UnknownSchool extends RuntimeException {

    public UnknownSchool(UUID id) {
        super("No school with id " + id);
    }
}
