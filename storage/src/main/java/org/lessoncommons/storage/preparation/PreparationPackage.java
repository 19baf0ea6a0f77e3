package org.lessoncommons.storage.preparation;

import java.time.Instant;
import java.util.UUID;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Subject;

/**
 * 备课包: what a group prepares for one lesson or unit (课题), with its current plan.
 *
 * @param planVersion how many times the plan was saved; earlier texts are {@link PlanVersion}s
 */
public record PreparationPackage(
        UUID id,
        UUID groupId,
        String topic,
        Subject subject,
        Grade grade,
        String edition,
        String chapter,
        String plan,
        int planVersion,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public static PreparationPackage of(
            UUID groupId, String topic, Subject subject, Grade grade, String edition, String chapter, UUID createdBy) {
        Instant now = Instant.now();
        return new PreparationPackage(
                UUID.randomUUID(), groupId, topic, subject, grade, edition, chapter, "", 0, createdBy, now, now);
    }
}
