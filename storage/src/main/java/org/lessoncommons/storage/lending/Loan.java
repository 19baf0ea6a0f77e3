package org.lessoncommons.storage.lending;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One copy lent to one person. Each step returns the loan in its next state, or throws {@link
 * LoanStateConflict} when the loan is not in a state that allows it.
 *
 * @param holdId the hold this loan was made for, when the copy was offered from the queue
 * @param dueOn the day by which a checked-out copy is due back (China time)
 */
@Table("lending_loan")
public record Loan(
        @Id UUID id,
        UUID copyId,
        UUID borrowerId,
        UUID borrowerSchoolId,
        @Nullable UUID holdId,
        LoanState state,
        Instant requestedAt,
        @Nullable Instant decidedAt,
        @Nullable UUID decidedBy,
        @Nullable Instant checkedOutAt,
        @Nullable LocalDate dueOn,
        int renewals,
        @Nullable Instant returnedAt,
        @Nullable @Version Integer version) {

    public Loan {
        requestedAt = requestedAt.truncatedTo(ChronoUnit.MICROS);
        decidedAt = micros(decidedAt);
        checkedOutAt = micros(checkedOutAt);
        returnedAt = micros(returnedAt);
    }

    Loan approved(UUID by, Instant at) {
        require(Set.of(LoanState.REQUESTED), LoanState.APPROVED);
        return next(LoanState.APPROVED, at, by, null, null, 0, null);
    }

    Loan rejected(UUID by, Instant at) {
        require(Set.of(LoanState.REQUESTED, LoanState.APPROVED), LoanState.REJECTED);
        return next(LoanState.REJECTED, at, by, null, null, 0, null);
    }

    Loan cancelled(Instant at) {
        require(Set.of(LoanState.REQUESTED, LoanState.APPROVED), LoanState.CANCELLED);
        return next(LoanState.CANCELLED, decidedAt == null ? at : decidedAt, decidedBy, null, null, 0, null);
    }

    /** Handed over at the desk; a request not yet approved is approved by handing it over. */
    Loan checkedOut(UUID by, Instant at, LocalDate due) {
        require(Set.of(LoanState.REQUESTED, LoanState.APPROVED), LoanState.CHECKED_OUT);
        return next(
                LoanState.CHECKED_OUT,
                decidedAt == null ? at : decidedAt,
                decidedBy == null ? by : decidedBy,
                at,
                due,
                0,
                null);
    }

    Loan renewed(LocalDate due) {
        require(Set.of(LoanState.CHECKED_OUT), LoanState.CHECKED_OUT);
        return next(state, decidedAt, decidedBy, checkedOutAt, due, renewals + 1, null);
    }

    Loan returned(Instant at) {
        require(Set.of(LoanState.CHECKED_OUT), LoanState.RETURNED);
        return next(LoanState.RETURNED, decidedAt, decidedBy, checkedOutAt, dueOn, renewals, at);
    }

    /** Checked out and not back by its due day. */
    public boolean overdueOn(LocalDate today) {
        return state == LoanState.CHECKED_OUT && dueOn != null && dueOn.isBefore(today);
    }

    /** This loan in another state; its copy, borrower, hold and request time stay as they are. */
    private Loan next(
            LoanState state,
            @Nullable Instant decidedAt,
            @Nullable UUID decidedBy,
            @Nullable Instant checkedOutAt,
            @Nullable LocalDate dueOn,
            int renewals,
            @Nullable Instant returnedAt) {
        return new Loan(
                id,
                copyId,
                borrowerId,
                borrowerSchoolId,
                holdId,
                state,
                requestedAt,
                decidedAt,
                decidedBy,
                checkedOutAt,
                dueOn,
                renewals,
                returnedAt,
                version);
    }

    private void require(Set<LoanState> allowed, LoanState next) {
        if (!allowed.contains(state)) {
            throw new LoanStateConflict(id, state, next);
        }
    }

    private static @Nullable Instant micros(@Nullable Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }
}
