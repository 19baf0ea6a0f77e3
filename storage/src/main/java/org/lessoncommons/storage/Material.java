package org.lessoncommons.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One uploaded teaching resource (教案, 课件, 试卷 …) credited to the school that contributed it. Its
 * bytes live in the object store under the {@link Blob} named by {@code sha256}.
 */
@Table("material")
public record Material(
        @Id UUID id,
        UUID schoolId,
        @Nullable UUID uploaderId,
        String title,
        String description,
        Subject subject,
        Grade grade,
        ResourceType resourceType,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        MaterialStatus status,
        @Nullable String failureReason,
        Instant createdAt,
        Instant updatedAt,
        Sharing sharing,
        @Nullable Instant deletedAt,
        @Nullable @Version Integer version) {

    /** Times are kept to the microsecond, as PostgreSQL stores them, so that a record survives a round trip. */
    public Material {
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
        deletedAt = deletedAt == null ? null : deletedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The same material with the type Tika detected from its whole content. */
    public Material withContentType(String detected) {
        return new Material(
                id,
                schoolId,
                uploaderId,
                title,
                description,
                subject,
                grade,
                resourceType,
                fileName,
                detected,
                sizeBytes,
                sha256,
                status,
                failureReason,
                createdAt,
                updatedAt,
                sharing,
                deletedAt,
                version);
    }

    public Material withStatus(MaterialStatus newStatus, @Nullable String reason) {
        return new Material(
                id,
                schoolId,
                uploaderId,
                title,
                description,
                subject,
                grade,
                resourceType,
                fileName,
                contentType,
                sizeBytes,
                sha256,
                newStatus,
                reason,
                createdAt,
                Instant.now(),
                sharing,
                deletedAt,
                version);
    }
}
