package org.lessoncommons.web.reports;

import java.util.ArrayList;
import java.util.List;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.usage.Contribution;
import org.lessoncommons.storage.usage.Dimension;
import org.lessoncommons.storage.usage.UsageCount;
import org.lessoncommons.storage.usage.UsageReports;
import org.lessoncommons.storage.usage.UsageScope;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A school's uploads, use, and contribution against use of others, for its page of the alliance report. */
@Component
@Order(10)
class UsageIndicators implements SchoolIndicators {

    private final UsageReports reports;

    UsageIndicators(UsageReports reports) {
        this.reports = reports;
    }

    @Override
    public List<Indicator> of(School school, ReportContext context) {
        UsageScope scope = UsageScope.school(school.id());
        UsageCount usage =
                reports
                        .countsBy(
                                Dimension.SCHOOL,
                                scope,
                                context.from(),
                                context.to(),
                                context.settings().zone())
                        .stream()
                        .filter(c -> c.key().equals(school.id().toString()))
                        .findFirst()
                        .orElse(new UsageCount(school.id().toString(), 0, 0, 0));
        Contribution contribution = reports.contributions(scope, context.from(), context.to()).stream()
                .findFirst()
                .orElse(new Contribution(school.id(), school.name(), 0, 0, 0, 0));
        List<Indicator> lines = new ArrayList<>();
        lines.add(line(context, "reports.column.contributed", contribution.contributed()));
        lines.add(line(context, "reports.column.inLibrary", contribution.inLibrary()));
        lines.add(line(context, "reports.pdf.views", usage.views()));
        lines.add(line(context, "reports.pdf.downloads", usage.downloads()));
        lines.add(line(context, "reports.column.usedByOthers", contribution.usedByOthers()));
        lines.add(line(context, "reports.column.useOfOthers", contribution.useOfOthers()));
        return lines;
    }

    private static Indicator line(ReportContext context, String key, long value) {
        return new Indicator(context.word(key), Long.toString(value));
    }
}
