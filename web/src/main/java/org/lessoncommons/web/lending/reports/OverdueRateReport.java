package org.lessoncommons.web.lending.reports;

import java.util.List;
import org.lessoncommons.storage.lending.Circulation;
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
 * Per lending school, the semester's loans that were returned late or are still out past their due
 * day (today being the library's today, as on the desk's overdue list), and their share of the loans.
 */
@Component
@Order(110)
class OverdueRateReport implements ReportDefinition {

    private final LoanReports loans;
    private final Circulation circulation;

    OverdueRateReport(LoanReports loans, Circulation circulation) {
        this.loans = loans;
        this.circulation = circulation;
    }

    @Override
    public String id() {
        return "loans-overdue-rate";
    }

    @Override
    public ReportTable compute(ReportContext context) {
        List<Row> rows = loans
                .lateness(
                        context.scope().usage(),
                        context.from(),
                        context.to(),
                        context.settings().zone(),
                        circulation.today())
                .stream()
                .map(s -> new Row(
                        s.schoolId().toString(),
                        List.of(
                                s.schoolName(),
                                s.loans(),
                                s.returnedLate(),
                                s.outPastDue(),
                                NeverBorrowedReport.share(s.overdue(), s.loans()))))
                .toList();
        return new ReportTable(
                id(),
                context.word("reports.loans.overdue.title"),
                List.of(
                        new Column(context.word("reports.loans.column.lender"), Type.TEXT),
                        new Column(context.word("reports.loans.column.loans"), Type.COUNT),
                        new Column(context.word("reports.loans.column.returnedLate"), Type.COUNT),
                        new Column(context.word("reports.loans.column.outPastDue"), Type.COUNT),
                        new Column(context.word("reports.loans.column.overdueRate"), Type.RATIO)),
                rows,
                List.of(2, 3));
    }
}
