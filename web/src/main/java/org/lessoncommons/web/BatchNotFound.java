package org.lessoncommons.web;

import java.util.UUID;

/** No bulk upload with this id. */
class BatchNotFound extends RuntimeException {

    BatchNotFound(UUID id) {
        super("No bulk upload with id " + id);
    }
}
