package org.lessoncommons.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A member school of an alliance. */
@Table("school")
public record School(
        @Id UUID id,
        UUID allianceId,
        String name,
        Membership membership,
        Instant createdAt,
        @Nullable @Version Integer version) {

    /** Times are kept to the microsecond, as PostgreSQL stores them, so that a record survives a round trip. */
    public School {
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** 核心校 leads the alliance; 成员校 joins it. */
    public enum Membership {
        CORE,
        MEMBER
    }

    public static School of(Alliance alliance, String name, Membership membership) {
        return new School(UUID.randomUUID(), alliance.id(), name, membership, Instant.now(), null);
    }
}
