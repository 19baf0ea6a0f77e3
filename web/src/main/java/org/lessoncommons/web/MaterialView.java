package org.lessoncommons.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.School;

/** A material as the API shows it. */
record MaterialView(
        UUID id,
        String title,
        String description,
        Term subject,
        Term grade,
        Term resourceType,
        SchoolRef school,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        String status,
        @Nullable String failureReason,
        Instant createdAt,
        String fileUrl) {

    record SchoolRef(UUID id, String name) {}

    static MaterialView of(Material m, @Nullable School school) {
        return new MaterialView(
                m.id(),
                m.title(),
                m.description(),
                Term.of(m.subject()),
                Term.of(m.grade()),
                Term.of(m.resourceType()),
                new SchoolRef(m.schoolId(), school == null ? "" : school.name()),
                m.fileName(),
                m.contentType(),
                m.sizeBytes(),
                m.sha256(),
                m.status().name(),
                m.failureReason(),
                m.createdAt(),
                "/api/materials/" + m.id() + "/file");
    }
}
