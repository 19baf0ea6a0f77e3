package org.lessoncommons.web;

import java.util.UUID;

/** No such school in the viewer's alliance (a school of another alliance is not found either). */
class SchoolNotFound extends RuntimeException {

    SchoolNotFound(UUID id) {
        super("没有这所学校: " + id);
    }
}
