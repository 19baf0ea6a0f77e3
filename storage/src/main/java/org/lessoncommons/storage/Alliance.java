package org.lessoncommons.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An alliance of schools (教育联盟 / 教育集团) that share teaching resources. */
@Table("alliance")
public record Alliance(
        @Id UUID id,
        String name,
        Instant createdAt,
        @Nullable @Version Integer version) {

    /** Times are kept to the microsecond, as PostgreSQL stores them, so that a record survives a round trip. */
    public Alliance {
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static Alliance named(String name) {
        return new Alliance(UUID.randomUUID(), name, Instant.now(), null);
    }
}
