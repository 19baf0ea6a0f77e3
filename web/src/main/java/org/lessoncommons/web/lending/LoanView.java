package org.lessoncommons.web.lending;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.lending.LoanLine;

/**
 * A loan as the API and pages show it, with its overdue flag for today and, for a copy kept for
 * the holder of a hold, the day that offer lapses unless it is checked out.
 */
record LoanView(
        UUID id,
        String state,
        UUID copyId,
        String barcode,
        UUID titleId,
        String title,
        String kind,
        SchoolRef owner,
        SchoolRef shelf,
        UUID borrowerId,
        String borrowerName,
        SchoolRef borrowerSchool,
        Instant requestedAt,
        @Nullable LocalDate dueOn,
        int renewals,
        @Nullable Instant returnedAt,
        boolean fromHold,
        @Nullable LocalDate offerLapsesOn,
        boolean overdue,
        long daysOverdue) {

    record SchoolRef(UUID id, String name) {}

    static LoanView of(LoanLine line, LocalDate today, @Nullable LocalDate offerLapsesOn) {
        return new LoanView(
                line.loanId(),
                line.state().name(),
                line.copyId(),
                line.barcode(),
                line.titleId(),
                line.title(),
                line.kind().name(),
                new SchoolRef(line.ownerSchoolId(), line.ownerSchoolName()),
                new SchoolRef(line.shelfSchoolId(), line.shelfSchoolName()),
                line.borrowerId(),
                line.borrowerName(),
                new SchoolRef(line.borrowerSchoolId(), line.borrowerSchoolName()),
                line.requestedAt(),
                line.dueOn(),
                line.renewals(),
                line.returnedAt(),
                line.fromHold(),
                offerLapsesOn,
                line.overdueOn(today),
                line.daysOverdue(today));
    }
}
