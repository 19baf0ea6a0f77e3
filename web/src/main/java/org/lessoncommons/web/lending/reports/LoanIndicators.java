package org.lessoncommons.web.lending.reports;

import java.util.List;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.lending.Circulation;
import org.lessoncommons.storage.lending.LoanReports;
import org.lessoncommons.storage.lending.LoanReports.Lateness;
import org.lessoncommons.storage.lending.LoanReports.SchoolLoans;
import org.lessoncommons.storage.usage.UsageScope;
import org.lessoncommons.web.reports.ReportContext;
import org.lessoncommons.web.reports.SchoolIndicators;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A school's loans lent and borrowed in the semester and the overdue rate of its lending, for the alliance PDF. */
@Component
@Order(20)
class LoanIndicators implements SchoolIndicators {

    private final LoanReports loans;
    private final Circulation circulation;

    LoanIndicators(LoanReports loans, Circulation circulation) {
        this.loans = loans;
        this.circulation = circulation;
    }

    @Override
    public List<Indicator> of(School school, ReportContext context) {
        UsageScope scope = UsageScope.school(school.id());
        SchoolLoans own = loans.bySchool(scope, context.from(), context.to()).stream()
                .filter(s -> s.schoolId().equals(school.id()))
                .findFirst()
                .orElse(new SchoolLoans(school.id(), school.name(), 0, 0));
        Lateness lateness =
                loans
                        .lateness(
                                scope,
                                context.from(),
                                context.to(),
                                context.settings().zone(),
                                circulation.today())
                        .stream()
                        .filter(s -> s.schoolId().equals(school.id()))
                        .findFirst()
                        .orElse(new Lateness(school.id(), school.name(), 0, 0, 0));
        return List.of(
                new Indicator(context.word("reports.loans.pdf.lent"), Long.toString(own.lent())),
                new Indicator(context.word("reports.loans.pdf.borrowed"), Long.toString(own.borrowed())),
                new Indicator(
                        context.word("reports.loans.pdf.overdueRate"),
                        lateness.loans() == 0 ? "—" : Math.round(100 * lateness.rate()) + "%"));
    }
}
