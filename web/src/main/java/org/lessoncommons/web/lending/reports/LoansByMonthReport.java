package org.lessoncommons.web.lending.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lessoncommons.storage.lending.LoanReports;
import org.lessoncommons.storage.lending.LoanReports.MonthLoans;
import org.lessoncommons.web.reports.ReportContext;
import org.lessoncommons.web.reports.ReportDefinition;
import org.lessoncommons.web.reports.ReportTable;
import org.lessoncommons.web.reports.ReportTable.Column;
import org.lessoncommons.web.reports.ReportTable.Row;
import org.lessoncommons.web.reports.ReportTable.Type;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loans per month of the semester (quiet months too), and how many went to another school (漂流). */
@Component
@Order(80)
class LoansByMonthReport implements ReportDefinition {

    private final LoanReports loans;

    LoansByMonthReport(LoanReports loans) {
        this.loans = loans;
    }

    @Override
    public String id() {
        return "loans-by-month";
    }

    @Override
    public ReportTable compute(ReportContext context) {
        Map<String, MonthLoans> found =
                loans
                        .byMonth(
                                context.scope().usage(),
                                context.from(),
                                context.to(),
                                context.settings().zone())
                        .stream()
                        .collect(Collectors.toMap(MonthLoans::month, Function.identity()));
        List<Row> rows = new ArrayList<>();
        YearMonth end = YearMonth.from(context.semester().endDay());
        for (YearMonth m = YearMonth.from(context.semester().firstDay()); m.isBefore(end); m = m.plusMonths(1)) {
            MonthLoans month = found.getOrDefault(m.toString(), new MonthLoans(m.toString(), 0, 0));
            rows.add(new Row(month.month(), List.of(month.month(), month.loans(), month.acrossSchools())));
        }
        return new ReportTable(
                id(),
                context.word("reports.loans.byMonth.title"),
                List.of(
                        new Column(context.word("reports.column.month"), Type.TEXT),
                        new Column(context.word("reports.loans.column.loans"), Type.COUNT),
                        new Column(context.word("reports.loans.column.acrossSchools"), Type.COUNT)),
                rows,
                List.of(1, 2));
    }
}
