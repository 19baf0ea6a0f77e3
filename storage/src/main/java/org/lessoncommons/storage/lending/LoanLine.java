package org.lessoncommons.storage.lending;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A loan with the names a person reads: what, which copy, whose, who has it, until when. */
public record LoanLine(
        UUID loanId,
        LoanState state,
        UUID copyId,
        String barcode,
        UUID titleId,
        String title,
        ItemKind kind,
        UUID ownerSchoolId,
        String ownerSchoolName,
        UUID shelfSchoolId,
        String shelfSchoolName,
        UUID borrowerId,
        String borrowerName,
        UUID borrowerSchoolId,
        String borrowerSchoolName,
        Instant requestedAt,
        @Nullable LocalDate dueOn,
        int renewals,
        @Nullable Instant returnedAt,
        boolean fromHold) {

    public boolean overdueOn(LocalDate today) {
        return state == LoanState.CHECKED_OUT && dueOn != null && dueOn.isBefore(today);
    }

    /** Days past the due day (0 when not overdue). */
    public long daysOverdue(LocalDate today) {
        return overdueOn(today) ? ChronoUnit.DAYS.between(dueOn, today) : 0;
    }
}
