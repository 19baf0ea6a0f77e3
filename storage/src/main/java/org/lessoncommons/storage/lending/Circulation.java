package org.lessoncommons.storage.lending;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves loans and holds through their states. Claiming a copy is one INSERT that the partial unique
 * index {@code lending_loan_one_active_per_copy} arbitrates, so of any number of concurrent requests
 * for one copy exactly one wins. Who may take each step is the caller's business.
 */
@Service
public class Circulation {

    private final Loans loans;
    private final Copies copies;
    private final Holds holds;
    private final Transfers transfers;
    private final JdbcClient jdbc;
    private final LendingProperties properties;
    private final Clock clock;

    Circulation(
            Loans loans,
            Copies copies,
            Holds holds,
            Transfers transfers,
            JdbcClient jdbc,
            LendingProperties properties) {
        this.loans = loans;
        this.copies = copies;
        this.holds = holds;
        this.transfers = transfers;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.system(properties.zone());
    }

    /** Today where the library is: the day due dates are compared with. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Claims the copy for the borrower, or throws {@link CopyUnavailable} when someone has it. */
    @Transactional
    public Loan request(UUID copyId, UUID borrowerId, UUID borrowerSchoolId) {
        return claim(copyId, borrowerId, borrowerSchoolId, null).orElseThrow(() -> new CopyUnavailable(copyId));
    }

    @Transactional
    public Loan approve(UUID loanId, UUID by) {
        return loans.save(loan(loanId).approved(by, clock.instant()));
    }

    /** Rejected or cancelled, the copy is free again and goes to the next in its title's queue. */
    @Transactional
    public Released reject(UUID loanId, UUID by) {
        Loan rejected = loans.save(loan(loanId).rejected(by, clock.instant()));
        return new Released(rejected, offerToNextHold(rejected.copyId()));
    }

    @Transactional
    public Released cancel(UUID loanId) {
        Loan cancelled = loans.save(loan(loanId).cancelled(clock.instant()));
        return new Released(cancelled, offerToNextHold(cancelled.copyId()));
    }

    /** Hands the copy over, due {@code due} or after the usual loan period. */
    @Transactional
    public Loan checkOut(UUID loanId, UUID by, @Nullable LocalDate due) {
        LocalDate today = today();
        LocalDate dueOn = due == null ? today.plusDays(properties.loanDays()) : due;
        LocalDate latest = today.plusDays(properties.maxLoanDays());
        if (!dueOn.isAfter(today) || dueOn.isAfter(latest)) {
            throw new InvalidDueDate(dueOn, today.plusDays(1), latest);
        }
        return loans.save(loan(loanId).checkedOut(by, clock.instant(), dueOn));
    }

    /**
     * Another loan period from today. Refused when the loan is overdue, has used its renewals, or
     * someone waits for the title (they come first).
     */
    @Transactional
    public Loan renew(UUID loanId) {
        Loan loan = loan(loanId);
        LocalDate today = today();
        if (loan.state() != LoanState.CHECKED_OUT || loan.dueOn() == null) {
            throw new RenewalRefused(loanId, RenewalRefused.Reason.NOT_CHECKED_OUT);
        }
        if (loan.overdueOn(today)) {
            throw new RenewalRefused(loanId, RenewalRefused.Reason.OVERDUE);
        }
        if (loan.renewals() >= properties.maxRenewals()) {
            throw new RenewalRefused(loanId, RenewalRefused.Reason.LIMIT_REACHED);
        }
        if (holds.anyWaiting(copy(loan.copyId()).titleId())) {
            throw new RenewalRefused(loanId, RenewalRefused.Reason.OTHERS_WAITING);
        }
        LocalDate extended = today.plusDays(properties.loanDays());
        return loans.save(loan.renewed(extended.isAfter(loan.dueOn()) ? extended : loan.dueOn()));
    }

    /** Back at the desk; the copy goes to the next in its title's queue, if anyone waits. */
    @Transactional
    public Released checkIn(UUID loanId) {
        Loan returned = loans.save(loan(loanId).returned(clock.instant()));
        return new Released(returned, offerToNextHold(returned.copyId()));
    }

    /**
     * Lets lapse the offers that were not taken up in time: a loan made for a hold, still requested
     * or approved {@link LendingProperties#pickupDays} after it was made, is cancelled and its copy
     * goes to the next in the title's queue (or back on the shelf). Loans people asked for
     * themselves are the desk's to decide and never lapse.
     */
    @Transactional
    public List<Released> lapseOffers() {
        Instant madeBefore = clock.instant().minus(Duration.ofDays(properties.pickupDays()));
        List<UUID> lapsed = jdbc.sql("""
                        SELECT id FROM lending_loan
                        WHERE hold_id IS NOT NULL AND state IN ('REQUESTED', 'APPROVED') AND requested_at < :before
                        ORDER BY requested_at
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("before", Timestamp.from(madeBefore))
                .query(UUID.class)
                .list();
        return lapsed.stream().map(this::cancel).toList();
    }

    /**
     * The day an offer on the loan lapses unless the copy is checked out by then: {@link
     * LendingProperties#pickupDays} after it was made; empty for a loan that was not made for a
     * hold or is no longer waiting to be picked up.
     */
    public Optional<LocalDate> offerLapsesOn(LoanLine loan) {
        if (!loan.fromHold() || (loan.state() != LoanState.REQUESTED && loan.state() != LoanState.APPROVED)) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.ofInstant(
                loan.requestedAt().plus(Duration.ofDays(properties.pickupDays())), clock.getZone()));
    }

    /** A loan that let its copy go, and the loan the copy was then offered on to the next in the queue. */
    public record Released(Loan loan, Optional<Loan> offered) {}

    /**
     * Queues the person for the title. When a copy is free right now it is claimed at once (the hold
     * is then {@link HoldState#OFFERED} with its loan), else the hold waits for the next return.
     */
    @Transactional
    public Hold placeHold(UUID titleId, UUID accountId, UUID schoolId) {
        if (holds.findQueue(titleId).stream().anyMatch(h -> h.accountId().equals(accountId))) {
            throw new AlreadyQueued(titleId);
        }
        Hold hold = queue(Hold.waiting(titleId, accountId, schoolId, clock.instant()));
        if (!holds.findQueue(titleId).getFirst().id().equals(hold.id())) {
            return hold;
        }
        for (UUID copyId : freeCopies(titleId, schoolId)) {
            Optional<Loan> claimed = claim(copyId, accountId, schoolId, hold.id());
            if (claimed.isPresent()) {
                return holds.save(hold.offered(claimed.get().id(), clock.instant()));
            }
        }
        return hold;
    }

    @Transactional
    public Hold cancelHold(UUID holdId) {
        Hold hold = holds.findById(holdId).orElseThrow(() -> new LendingNotFound("hold", holdId));
        return holds.save(hold.cancelled(clock.instant()));
    }

    /** Moves a copy that nobody has requested to another school's shelf, and records the move. */
    @Transactional
    public Transfer transfer(UUID copyId, UUID toSchoolId, UUID by, String note) {
        Copy copy = copy(copyId);
        if (loans.findActiveByCopyId(copyId).isPresent()) {
            throw new CopyOnLoan(copyId);
        }
        if (copy.shelfSchoolId().equals(toSchoolId)) {
            throw new SameShelf(copyId, toSchoolId);
        }
        copies.save(copy.shelvedAt(toSchoolId));
        return transfers.save(new Transfer(
                UUID.randomUUID(), copyId, copy.shelfSchoolId(), toSchoolId, by, clock.instant(), note, null));
    }

    /** The partial unique index keeps one waiting hold per person, even when two clicks race. */
    private Hold queue(Hold hold) {
        try {
            return holds.save(hold);
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw new AlreadyQueued(hold.titleId());
            }
            throw e;
        }
    }

    private Optional<Loan> offerToNextHold(UUID copyId) {
        Copy copy = copy(copyId);
        Optional<Hold> next = holds.lockNextInQueue(copy.titleId());
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Hold hold = next.get();
        Optional<Loan> claimed = claim(copyId, hold.accountId(), hold.schoolId(), hold.id());
        claimed.ifPresent(loan -> holds.save(hold.offered(loan.id(), clock.instant())));
        return claimed;
    }

    /**
     * The one place a copy is claimed. ON CONFLICT makes the partial unique index the judge without
     * aborting the transaction, so a hold can go on to the next free copy.
     */
    private Optional<Loan> claim(UUID copyId, UUID borrowerId, UUID borrowerSchoolId, @Nullable UUID holdId) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        INSERT INTO lending_loan (id, copy_id, borrower_id, borrower_school_id, hold_id, state, requested_at)
                        VALUES (:id, :copy, :borrower, :school, :hold, 'REQUESTED', :at)
                        ON CONFLICT (copy_id) WHERE state IN ('REQUESTED', 'APPROVED', 'CHECKED_OUT') DO NOTHING
                        """)
                .param("id", id)
                .param("copy", copyId)
                .param("borrower", borrowerId)
                .param("school", borrowerSchoolId)
                .param("hold", holdId)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
        return inserted == 1 ? loans.findById(id) : Optional.empty();
    }

    /** Copies of the title nobody has, those on the holder's own school's shelf first. */
    private java.util.List<UUID> freeCopies(UUID titleId, UUID schoolId) {
        return jdbc.sql("""
                        SELECT c.id FROM lending_copy c
                        WHERE c.title_id = :title AND NOT EXISTS (
                            SELECT 1 FROM lending_loan l WHERE l.copy_id = c.id
                              AND l.state IN ('REQUESTED', 'APPROVED', 'CHECKED_OUT'))
                        ORDER BY (c.shelf_school_id = :school) DESC, c.barcode
                        """)
                .param("title", titleId)
                .param("school", schoolId)
                .query(UUID.class)
                .list();
    }

    private Loan loan(UUID id) {
        return loans.findById(id).orElseThrow(() -> new LendingNotFound("loan", id));
    }

    private Copy copy(UUID id) {
        return copies.findById(id).orElseThrow(() -> new LendingNotFound("copy", id));
    }
}
