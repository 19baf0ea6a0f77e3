package org.lessoncommons.web.lending;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Each step of circulation as a viewer takes it: checked by {@link LendingAccess}, done by {@link
 * Circulation}, written to the audit log (under the owning school) and reflected in the catalog's
 * availability. The API and the pages both come here.
 */
@Component
class Lending {

    private final LendingAccess access;
    private final Circulation circulation;
    private final LendingQueries queries;
    private final CatalogIndexing indexing;
    private final HoldingsImport holdingsImport;
    private final Audit audit;

    Lending(
            LendingAccess access,
            Circulation circulation,
            LendingQueries queries,
            CatalogIndexing indexing,
            HoldingsImport holdingsImport,
            Audit audit) {
        this.access = access;
        this.circulation = circulation;
        this.queries = queries;
        this.indexing = indexing;
        this.holdingsImport = holdingsImport;
        this.audit = audit;
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
        Loan loan = circulation.request(copyId, viewer.accountId(), viewer.schoolId());
        return done(viewer, "loan.request", loan, copy.barcode());
    }

    LoanLine approve(Viewer viewer, UUID loanId) {
        access.deskLoan(loanId, viewer);
        return done(viewer, "loan.approve", circulation.approve(loanId, viewer.accountId()), "");
    }

    Released reject(Viewer viewer, UUID loanId) {
        access.deskLoan(loanId, viewer);
        return released(viewer, "loan.reject", circulation.reject(loanId, viewer.accountId()));
    }

    Released cancel(Viewer viewer, UUID loanId) {
        access.ownOrDeskLoan(loanId, viewer);
        return released(viewer, "loan.cancel", circulation.cancel(loanId));
    }

    LoanLine checkOut(Viewer viewer, UUID loanId, @Nullable LocalDate dueOn) {
        access.deskLoan(loanId, viewer);
        Loan loan = circulation.checkOut(loanId, viewer.accountId(), dueOn);
        return done(viewer, "loan.checkout", loan, "due " + loan.dueOn());
    }

    LoanLine renew(Viewer viewer, UUID loanId) {
        access.ownOrDeskLoan(loanId, viewer);
        Loan loan = circulation.renew(loanId);
        return done(viewer, "loan.renew", loan, "due " + loan.dueOn() + ", renewal " + loan.renewals());
    }

    /** The returned loan, and the loan the copy was offered on to the next in the queue. */
    Released checkIn(Viewer viewer, UUID loanId) {
        access.deskLoan(loanId, viewer);
        return released(viewer, "loan.return", circulation.checkIn(loanId));
    }

    /** A loan that let its copy go, and the loan on which the copy went to the next in the queue. */
    record Released(LoanLine loan, @Nullable LoanLine offeredTo) {}

    private Released released(Viewer viewer, String action, Circulation.Released released) {
        LoanLine loan = done(viewer, action, released.loan(), "");
        Optional<LoanLine> offered =
                released.offered().map(next -> done(viewer, "hold.offer", next, "after " + action));
        return new Released(loan, offered.orElse(null));
    }

    Hold placeHold(Viewer viewer, UUID titleId) {
        access.title(titleId, viewer);
        Hold hold = circulation.placeHold(titleId, viewer.accountId(), viewer.schoolId());
        audit.record(
                viewer,
                "hold.place",
                viewer.schoolId(),
                "hold",
                hold.id(),
                hold.state().name());
        if (hold.loanId() != null) {
            indexing.refresh(titleId);
        }
        return hold;
    }

    Hold cancelHold(Viewer viewer, UUID holdId) {
        access.ownHold(holdId, viewer);
        Hold hold = circulation.cancelHold(holdId);
        audit.record(viewer, "hold.cancel", viewer.schoolId(), "hold", hold.id(), "");
        return hold;
    }

    Transfer transfer(Viewer viewer, UUID copyId, UUID toSchoolId, String note) {
        Copy copy = access.deskCopy(copyId, viewer);
        access.destination(toSchoolId, copy);
        Transfer transfer = circulation.transfer(copyId, toSchoolId, viewer.accountId(), note);
        audit.record(
                viewer,
                "copy.transfer",
                copy.ownerSchoolId(),
                "copy",
                copyId,
                transfer.fromSchoolId() + " → " + transfer.toSchoolId() + (note.isBlank() ? "" : " " + note));
        indexing.refresh(copy.titleId());
        return transfer;
    }

    private LoanLine done(Viewer viewer, String action, Loan loan, String detail) {
        LoanLine line = queries.loan(loan.id()).orElseThrow();
        audit.record(
                viewer,
                action,
                line.ownerSchoolId(),
                "loan",
                loan.id(),
                (line.title() + " [" + line.barcode() + "] " + line.borrowerName() + " " + detail).strip());
        indexing.refresh(line.titleId());
        return line;
    }
}
