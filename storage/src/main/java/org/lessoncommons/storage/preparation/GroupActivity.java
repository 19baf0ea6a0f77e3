package org.lessoncommons.storage.preparation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something a member did in one of the group's packages.
 *
 * @param materialId the material added, for {@link Kind#ITEM_ADDED}: whoever shows the line must
 *     check the viewer may see it
 */
public record GroupActivity(
        Instant at,
        Kind kind,
        UUID packageId,
        String packageTopic,
        String actorName,
        @Nullable UUID materialId) {

    public enum Kind {
        PACKAGE_CREATED,
        PLAN_SAVED,
        ITEM_ADDED,
        COMMENTED
    }
}
