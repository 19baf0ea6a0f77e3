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
 * Loans checked out in the semester, per school as borrower and as lender. Every loan counts once in
 * each column, so both columns add up to the scope's loans.
 */
@Component
@Order(70)
class LoansBySchoolReport implements ReportDefinition {

    private final LoanReports loans;

    LoansBySchoolReport(LoanReports loans) {
        this.loans = loans;
    }

    @Override
    public String id() {
        return "loans-by-school";
    }

    @Override
    public ReportTable compute(ReportContext context) {
        List<Row> rows = loans.bySchool(context.scope().usage(), context.from(), context.to()).stream()
                .map(s -> new Row(s.schoolId().toString(), List.of(s.schoolName(), s.borrowed(), s.lent())))
                .toList();
        return new ReportTable(
                id(),
                context.word("reports.loans.bySchool.title"),
                List.of(
                        new Column(context.word("reports.column.school"), Type.TEXT),
                        new Column(context.word("reports.loans.column.borrowed"), Type.COUNT),
                        new Column(context.word("reports.loans.column.lent"), Type.COUNT)),
                rows,
                List.of(1, 2));
    }
}
