package org.lessoncommons.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in: a teacher or an administrator, always attached to one school. */
@Table("account")
public record Account(
        @Id UUID id,
        UUID schoolId,
        String username,
        String displayName,
        Role role,
        @Nullable String passwordHash,
        Instant createdAt,
        boolean enabled,
        @Nullable UUID invitedBy,
        @Nullable @Version Integer version) {

    /** Times are kept to the microsecond, as PostgreSQL stores them, so that a record survives a round trip. */
    public Account {
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    public enum Role {
        TEACHER,
        SCHOOL_ADMIN,
        ALLIANCE_ADMIN,
        SYSTEM_ADMIN
    }

    /** The same account with another role, password, or switched on or off. */
    public Account with(Role newRole, @Nullable String newPasswordHash, boolean nowEnabled) {
        return new Account(
                id,
                schoolId,
                username,
                displayName,
                newRole,
                newPasswordHash,
                createdAt,
                nowEnabled,
                invitedBy,
                version);
    }

    public static Account of(School school, String username, String displayName, Role role, @Nullable UUID invitedBy) {
        return new Account(
                UUID.randomUUID(),
                school.id(),
                username,
                displayName,
                role,
                null,
                Instant.now(),
                true,
                invitedBy,
                null);
    }

    public static Account teacher(School school, String username, String displayName) {
        return of(school, username, displayName, Role.TEACHER, null);
    }
}
