package org.lessoncommons.storage.preparation;

import java.time.Instant;
import java.util.UUID;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Subject;

/** 备课组: teachers of one subject and grade, from any school of the alliance. */
public record PreparationGroup(
        UUID id, UUID allianceId, String name, Subject subject, Grade grade, UUID createdBy, Instant createdAt) {

    public static PreparationGroup of(UUID allianceId, String name, Subject subject, Grade grade, UUID createdBy) {
        return new PreparationGroup(UUID.randomUUID(), allianceId, name, subject, grade, createdBy, Instant.now());
    }
}
