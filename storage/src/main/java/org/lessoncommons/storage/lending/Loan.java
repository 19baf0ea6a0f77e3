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
        return new Loan(
                id,
                copyId,
                borrowerId,
                borrowerSchoolId,
                holdId,
                LoanState.APPROVED,
                requestedAt,
                at,
                by,
                null,
                null,
                0,
                null,
                version);
    }

    Loan rejected(UUID by, Instant at) {
        require(Set.of(LoanState.REQUESTED, LoanState.APPROVED), LoanState.REJECTED);
        return new Loan(
                id,
                copyId,
                borrowerId,
                borrowerSchoolId,
                holdId,
                LoanState.REJECTED,
                requestedAt,
                at,
                by,
                null,
                null,
                0,
                null,
                version);
    }

    Loan cancelled(Instant at) {
        require(Set.of(LoanState.REQUESTED, LoanState.APPROVED), LoanState.CANCELLED);
        return new Loan(
                id,
                copyId,
                borrowerId,
                borrowerSchoolId,
                holdId,
                LoanState.CANCELLED,
                requestedAt,
                decidedAt == null ? at : decidedAt,
                decidedBy,
                null,
                null,
                0,
                null,
                version);
    }

    /** Handed over at the desk; a request not yet approved is approved by handing it over. */
    Loan checkedOut(UUID by, Instant at, LocalDate due) {
        require(Set.of(LoanState.REQUESTED, LoanState.APPROVED), LoanState.CHECKED_OUT);
        return new Loan(
                id,
                copyId,
                borrowerId,
                borrowerSchoolId,
                holdId,
                LoanState.CHECKED_OUT,
                requestedAt,
                decidedAt == null ? at : decidedAt,
                decidedBy == null ? by : decidedBy,
                at,
                due,
                0,
                null,
                version);
    }

    Loan renewed(LocalDate due) {
        require(Set.of(LoanState.CHECKED_OUT), LoanState.CHECKED_OUT);
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
                due,
                renewals + 1,
                null,
                version);
    }

    Loan returned(Instant at) {
        require(Set.of(LoanState.CHECKED_OUT), LoanState.RETURNED);
        return new Loan(
                id,
                copyId,
                borrowerId,
                borrowerSchoolId,
                holdId,
                LoanState.RETURNED,
                requestedAt,
                decidedAt,
                decidedBy,
                checkedOutAt,
                dueOn,
                renewals,
                at,
                version);
    }

    /** Checked out and not back by its due day. */
    public boolean overdueOn(LocalDate today) {
        return state == LoanState.CHECKED_OUT && dueOn != null && dueOn.isBefore(today);
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
