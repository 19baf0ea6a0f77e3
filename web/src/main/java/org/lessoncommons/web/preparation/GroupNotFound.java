package org.lessoncommons.web.preparation;

import java.util.UUID;

/** No preparation group with this id, or the viewer is not one of its members. */
class GroupNotFound extends RuntimeException {

    GroupNotFound(UUID id) {
        super("No preparation group with id " + id);
    }
}
