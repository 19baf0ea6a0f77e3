package org.lessoncommons.storage.observation;

import java.util.UUID;

/** A teacher's observation sessions in a period: lessons they taught, sessions they sat in on. */
public record TeacherSessionCount(UUID accountId, long taught, long observed) {

    public boolean isEmpty() {
        return taught == 0 && observed == 0;
    }
}
