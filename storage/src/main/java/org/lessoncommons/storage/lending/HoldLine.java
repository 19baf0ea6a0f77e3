package org.lessoncommons.storage.lending;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A hold with its title and its place in the queue.
 *
 * @param position 1 for the head of the queue; 0 once the hold no longer waits
 */
public record HoldLine(
        UUID holdId,
        UUID titleId,
        String title,
        ItemKind kind,
        UUID accountId,
        String accountName,
        HoldState state,
        Instant placedAt,
        int position,
        @Nullable UUID loanId) {}
