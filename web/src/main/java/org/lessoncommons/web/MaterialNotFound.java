package org.lessoncommons.web;

import java.util.UUID;

/** No material with this id (or the caller may not know it exists). */
class MaterialNotFound extends RuntimeException {

    MaterialNotFound(UUID id) {
        super("No material with id " + id);
    }
}
