package org.lessoncommons.storage.lending;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A place in the queue (预约) for the next free copy of a title, served first come, first served. */
@Table("lending_hold")
public record Hold(
        @Id UUID id,
        UUID titleId,
        UUID accountId,
        UUID schoolId,
        HoldState state,
        Instant placedAt,
        @Nullable UUID loanId,
        @Nullable Instant closedAt,
        @Nullable @Version Integer version) {

    public Hold {
        placedAt = placedAt.truncatedTo(ChronoUnit.MICROS);
        closedAt = closedAt == null ? null : closedAt.truncatedTo(ChronoUnit.MICROS);
    }

    static Hold waiting(UUID titleId, UUID accountId, UUID schoolId, Instant at) {
        return new Hold(UUID.randomUUID(), titleId, accountId, schoolId, HoldState.WAITING, at, null, null, null);
    }

    Hold offered(UUID loan, Instant at) {
        return new Hold(id, titleId, accountId, schoolId, HoldState.OFFERED, placedAt, loan, at, version);
    }

    Hold cancelled(Instant at) {
        if (state != HoldState.WAITING) {
            throw new HoldNotWaiting(id, state);
        }
        return new Hold(id, titleId, accountId, schoolId, HoldState.CANCELLED, placedAt, loanId, at, version);
    }
}
