package org.lessoncommons.storage.usage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Subject;

/**
 * One act of one person: a material viewed, downloaded or uploaded, or a search. The material's
 * school, subject and grade are copied in, as they were at the time.
 */
public record UsageEvent(
        Instant at,
        Kind kind,
        @Nullable UUID materialId,
        @Nullable UUID accountId,
        @Nullable UUID actorSchoolId,
        @Nullable UUID materialSchoolId,
        @Nullable Subject subject,
        @Nullable Grade grade) {

    public enum Kind {
        VIEW,
        DOWNLOAD,
        UPLOAD,
        SEARCH
    }

    public UsageEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }

    /** What someone of {@code actorSchoolId} did with the material, now. */
    public static UsageEvent of(Kind kind, Material material, @Nullable UUID accountId, @Nullable UUID actorSchoolId) {
        return new UsageEvent(
                Instant.now(),
                kind,
                material.id(),
                accountId,
                actorSchoolId,
                material.schoolId(),
                material.subject(),
                material.grade());
    }
}
