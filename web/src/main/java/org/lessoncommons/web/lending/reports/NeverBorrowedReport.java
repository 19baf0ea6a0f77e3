package org.lessoncommons.web.lending.reports;

import java.util.List;
import org.lessoncommons.storage.lending.LoanReports;
import org.lessoncommons.web.reports.ReportContext;
import org.lessoncommons.web.reports.ReportDefinition;
import org.lessoncommons.web.reports.ReportTable;
import org.lessoncommons.web.reports.ReportTable.Column;
import org.lessoncommons.web.reports.ReportTable.Row;
import org.lessoncommons.web.reports.ReportTable.Type;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Per owning school, its copies at the end of the semester and those never checked out by then
 * (idle stock a school might send drifting). A teacher sees their own school's shelves.
 */
@Component
@Order(100)
class NeverBorrowedReport implements ReportDefinition {

    private final LoanReports loans;

    NeverBorrowedReport(LoanReports loans) {
        this.loans = loans;
    }

    @Override
    public String id() {
        return "loans-never-borrowed";
    }

    @Override
    public ReportTable compute(ReportContext context) {
        List<Row> rows = loans.neverBorrowed(context.scope().usage(), context.to()).stream()
                .map(s -> new Row(
                        s.schoolId().toString(),
                        List.of(s.schoolName(), s.copies(), s.neverBorrowed(), share(s.neverBorrowed(), s.copies()))))
                .toList();
        return new ReportTable(
                id(),
                context.word("reports.loans.neverBorrowed.title"),
                List.of(
                        new Column(context.word("reports.column.school"), Type.TEXT),
                        new Column(context.word("reports.loans.column.copies"), Type.COUNT),
                        new Column(context.word("reports.loans.column.neverBorrowed"), Type.COUNT),
                        new Column(context.word("reports.loans.column.idleShare"), Type.RATIO)),
                rows,
                List.of(1, 2));
    }

    static Double share(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(100.0 * part / whole) / 100.0;
    }
}
