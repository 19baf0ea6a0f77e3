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
 * The books and equipment lent most in the semester. Titles belong to the alliance's shared
 * catalog, which every member may browse, so naming them shows nothing private.
 */
@Component
@Order(90)
class TopTitlesReport implements ReportDefinition {

    private final LoanReports loans;

    TopTitlesReport(LoanReports loans) {
        this.loans = loans;
    }

    @Override
    public String id() {
        return "loans-top-titles";
    }

    @Override
    public ReportTable compute(ReportContext context) {
        List<Row> rows = loans
                .topTitles(
                        context.scope().usage(),
                        context.from(),
                        context.to(),
                        context.settings().topMaterials())
                .stream()
                .map(t -> new Row(
                        t.titleId().toString(),
                        List.of(
                                t.title(),
                                context.word("lending.value." + t.kind().name()),
                                t.copies(),
                                t.loans())))
                .toList();
        return new ReportTable(
                id(),
                context.word("reports.loans.topTitles.title"),
                List.of(
                        new Column(context.word("reports.loans.column.title"), Type.TEXT),
                        new Column(context.word("reports.loans.column.kind"), Type.TEXT),
                        new Column(context.word("reports.loans.column.copies"), Type.COUNT),
                        new Column(context.word("reports.loans.column.loans"), Type.COUNT)),
                rows,
                List.of(3));
    }
}
