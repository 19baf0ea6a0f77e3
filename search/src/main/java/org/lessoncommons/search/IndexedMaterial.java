package org.lessoncommons.search;

import java.time.Instant;
import java.util.Objects;

/**
 * What the index knows about one material. Filter values (subject, grade, resource type, school)
 * are opaque codes to this module; the caller decides their meaning.
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
        String fileName,
        String contentType,
        Instant createdAt) {

    public IndexedMaterial {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
