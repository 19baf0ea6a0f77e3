package org.lessoncommons.search;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the index knows about one material. Filter values (subject, grade, resource type, school)
 * are opaque codes to this module; the caller decides their meaning. School, alliance, uploader and
 * sharing decide who may see it ({@link Audience}).
 */
public record IndexedMaterial(
        String id,
        String title,
        String body,
        String subject,
        String grade,
        String resourceType,
        String schoolId,
        String schoolName,
        String allianceId,
        @Nullable String uploaderId,
        Sharing sharing,
        String fileName,
        String contentType,
        Instant createdAt) {

    public IndexedMaterial {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(allianceId, "allianceId");
        Objects.requireNonNull(sharing, "sharing");
    }
}
