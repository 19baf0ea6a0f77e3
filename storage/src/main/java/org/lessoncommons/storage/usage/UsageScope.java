package org.lessoncommons.storage.usage;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whose activity a report sums: one account's, one school's, one alliance's, or everyone's. Each id
 * that is set narrows the report; none set means everything.
 */
public record UsageScope(
        @Nullable UUID accountId,
        @Nullable UUID schoolId,
        @Nullable UUID allianceId) {

    /** A teacher's own activity and own uploads. */
    public static UsageScope own(UUID accountId, UUID schoolId) {
        return new UsageScope(accountId, schoolId, null);
    }

    public static UsageScope school(UUID schoolId) {
        return new UsageScope(null, schoolId, null);
    }

    public static UsageScope alliance(UUID allianceId) {
        return new UsageScope(null, null, allianceId);
    }

    public static UsageScope everything() {
        return new UsageScope(null, null, null);
    }
}
