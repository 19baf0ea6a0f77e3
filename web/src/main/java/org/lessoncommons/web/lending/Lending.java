package org.lessoncommons.web.lending;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.lending.CatalogIndexing;
import org.lessoncommons.ingest.lending.HoldingsImport;
import org.lessoncommons.ingest.lending.ImportReport;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.lending.Circulation;
import org.lessoncommons.storage.lending.Copy;
import org.lessoncommons.storage.lending.Hold;
import org.lessoncommons.storage.lending.LendingQueries;
import org.lessoncommons.storage.lending.Loan;
import org.lessoncommons.storage.lending.LoanLine;
import org.lessoncommons.storage.lending.Transfer;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Each step of circulation as a viewer takes it: checked by {@link LendingAccess}, done by {@link
 * Circulation}, written to the audit log (under the owning school) and reflected in the catalog's
 * availability. The API and the pages both come here.
 *
 * <p>A step and its audit line commit in one transaction: a crash (or a failed audit insert) can
 * never leave a loan moved on without the line saying who moved it. The catalog index is refreshed
 * after the commit; it is rebuilt from PostgreSQL at every start, so a crash cannot leave it stale.
 */
@Component
class Lending {

    private final LendingAccess access;
    private final Circulation circulation;
    private final LendingQueries queries;
    private final CatalogIndexing indexing;
    private final HoldingsImport holdingsImport;
    private final Audit audit;
    private final TransactionTemplate transaction;

    Lending(
            LendingAccess access,
            Circulation circulation,
            LendingQueries queries,
            CatalogIndexing indexing,
            HoldingsImport holdingsImport,
            Audit audit,
            TransactionTemplate transaction) {
        this.access = access;
        this.circulation = circulation;
        this.queries = queries;
        this.indexing = indexing;
        this.holdingsImport = holdingsImport;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Holdings sheets are small; a bigger file is a mistake (a photo, a whole backup). */
    static final long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

    /** A school's administrators (or their alliance's) import its books and equipment. */
    ImportReport importHoldings(Viewer viewer, @Nullable UUID schoolId, MultipartFile file) {
        School school = access.deskSchool(schoolId, viewer);
        if (!viewer.administers(school)) {
            throw new Forbidden("只有本校管理员可以导入本校藏书和器材");
        }
        if (file.isEmpty() || file.getSize() > MAX_IMPORT_BYTES) {
            throw new InvalidLendingField("file", "请选择不超过 10 MB 的 CSV 或 Excel 文件");
        }
        String name = file.getOriginalFilename() == null ? "holdings" : file.getOriginalFilename();
        ImportReport report;
        try {
            report = holdingsImport.importFile(name, file.getBytes(), school.id(), school.allianceId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(
                viewer,
                "catalog.import",
                school.id(),
                "school",
                school.id(),
                name + ": " + report.added() + " added, " + report.failed() + " failed");
        return report;
    }

    /** Teachers (and administrators) request a copy for themselves. */
    LoanLine request(Viewer viewer, UUID copyId) {
        Copy copy = access.copy(copyId, viewer);
        return done(
                viewer,
                "loan.request",
                () -> circulation.request(copyId, viewer.accountId(), viewer.schoolId()),
                loan -> copy.barcode());
    }

    LoanLine approve(Viewer viewer, UUID loanId) {
        access.deskLoan(loanId, viewer);
        return done(viewer, "loan.approve", () -> circulation.approve(loanId, viewer.accountId()), loan -> "");
    }

    Released reject(Viewer viewer, UUID loanId) {
        access.deskLoan(loanId, viewer);
        return released(viewer, "loan.reject", () -> circulation.reject(loanId, viewer.accountId()));
    }

    Released cancel(Viewer viewer, UUID loanId) {
        access.ownOrDeskLoan(loanId, viewer);
        return released(viewer, "loan.cancel", () -> circulation.cancel(loanId));
    }

    LoanLine checkOut(Viewer viewer, UUID loanId, @Nullable LocalDate dueOn) {
        access.deskLoan(loanId, viewer);
        return done(
                viewer,
                "loan.checkout",
                () -> circulation.checkOut(loanId, viewer.accountId(), dueOn),
                loan -> "due " + loan.dueOn());
    }

    LoanLine renew(Viewer viewer, UUID loanId) {
        access.ownOrDeskLoan(loanId, viewer);
        return done(
                viewer,
                "loan.renew",
                () -> circulation.renew(loanId),
                loan -> "due " + loan.dueOn() + ", renewal " + loan.renewals());
    }

    /** The returned loan, and the loan the copy was offered on to the next in the queue. */
    Released checkIn(Viewer viewer, UUID loanId) {
        access.deskLoan(loanId, viewer);
        return released(viewer, "loan.return", () -> circulation.checkIn(loanId));
    }

    /** A loan that let its copy go, and the loan on which the copy went to the next in the queue. */
    record Released(LoanLine loan, @Nullable LoanLine offeredTo) {}

    private Released released(Viewer viewer, String action, Supplier<Circulation.Released> step) {
        Released released = inTransaction(() -> {
            Circulation.Released done = step.get();
            LoanLine loan = audited(viewer, action, done.loan(), "");
            Optional<LoanLine> offered =
                    done.offered().map(next -> audited(viewer, "hold.offer", next, "after " + action));
            return new Released(loan, offered.orElse(null));
        });
        indexing.refresh(released.loan().titleId());
        return released;
    }

    Hold placeHold(Viewer viewer, UUID titleId) {
        access.title(titleId, viewer);
        Hold hold = inTransaction(() -> {
            Hold placed = circulation.placeHold(titleId, viewer.accountId(), viewer.schoolId());
            audit.recordWithStep(
                    viewer,
                    "hold.place",
                    viewer.schoolId(),
                    "hold",
                    placed.id(),
                    placed.state().name());
            return placed;
        });
        if (hold.loanId() != null) {
            indexing.refresh(titleId);
        }
        return hold;
    }

    Hold cancelHold(Viewer viewer, UUID holdId) {
        access.ownHold(holdId, viewer);
        return inTransaction(() -> {
            Hold hold = circulation.cancelHold(holdId);
            audit.recordWithStep(viewer, "hold.cancel", viewer.schoolId(), "hold", hold.id(), "");
            return hold;
        });
    }

    Transfer transfer(Viewer viewer, UUID copyId, UUID toSchoolId, String note) {
        Copy copy = access.deskCopy(copyId, viewer);
        access.destination(toSchoolId, copy);
        Transfer transfer = inTransaction(() -> {
            Transfer moved = circulation.transfer(copyId, toSchoolId, viewer.accountId(), note);
            audit.recordWithStep(
                    viewer,
                    "copy.transfer",
                    copy.ownerSchoolId(),
                    "copy",
                    copyId,
                    moved.fromSchoolId() + " → " + moved.toSchoolId() + (note.isBlank() ? "" : " " + note));
            return moved;
        });
        indexing.refresh(copy.titleId());
        return transfer;
    }

    /** The step and its audit line in one transaction, then the title's availability in the catalog. */
    private LoanLine done(Viewer viewer, String action, Supplier<Loan> step, Function<Loan, String> detail) {
        LoanLine line = inTransaction(() -> {
            Loan loan = step.get();
            return audited(viewer, action, loan, detail.apply(loan));
        });
        indexing.refresh(line.titleId());
        return line;
    }

    private LoanLine audited(Viewer viewer, String action, Loan loan, String detail) {
        LoanLine line = queries.loan(loan.id()).orElseThrow();
        audit.recordWithStep(
                viewer,
                action,
                line.ownerSchoolId(),
                "loan",
                loan.id(),
                (line.title() + " [" + line.barcode() + "] " + line.borrowerName() + " " + detail).strip());
        return line;
    }

    private <T> T inTransaction(Supplier<T> work) {
        T result = transaction.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("a lending step returned nothing");
        }
        return result;
    }
}
