package org.lessoncommons.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log: who did what to which thing, and from where.
 *
 * @param action a verb such as {@code material.upload}, {@code account.role}, {@code sign-in.failed}
 */
public record AuditEvent(
        @Nullable Long id,
        Instant at,
        @Nullable UUID actorId,
        String actorName,
        @Nullable UUID schoolId,
        String action,
        @Nullable String targetType,
        @Nullable String targetId,
        String detail,
        @Nullable String remoteAddr) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorName, "actorName");
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
    }
}
