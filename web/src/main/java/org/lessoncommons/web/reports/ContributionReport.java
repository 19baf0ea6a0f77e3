package org.lessoncommons.web.reports;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.usage.Contribution;
import org.lessoncommons.storage.usage.UsageReports;
import org.lessoncommons.web.reports.ReportTable.Column;
import org.lessoncommons.web.reports.ReportTable.Row;
import org.lessoncommons.web.reports.ReportTable.Type;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 贡献与使用: per school, what it contributed and how much other schools used it, against how much it
 * used other schools' materials. The ratio is use by others per use of others (empty when the school
 * used nothing of others).
 */
@Component
@Order(50)
class ContributionReport implements ReportDefinition {

    private final UsageReports reports;

    ContributionReport(UsageReports reports) {
        this.reports = reports;
    }

    @Override
    public String id() {
        return "contribution";
    }

    @Override
    public ReportTable compute(ReportContext context) {
        List<Row> rows = reports.contributions(context.scope().usage(), context.from(), context.to()).stream()
                .map(c -> new Row(
                        c.schoolId().toString(),
                        Arrays.asList(
                                c.schoolName(),
                                c.contributed(),
                                c.inLibrary(),
                                c.usedByOthers(),
                                c.useOfOthers(),
                                ratio(c))))
                .toList();
        return new ReportTable(
                id(),
                context.word("reports.contribution.title"),
                List.of(
                        new Column(context.word("reports.column.school"), Type.TEXT),
                        new Column(context.word("reports.column.contributed"), Type.COUNT),
                        new Column(context.word("reports.column.inLibrary"), Type.COUNT),
                        new Column(context.word("reports.column.usedByOthers"), Type.COUNT),
                        new Column(context.word("reports.column.useOfOthers"), Type.COUNT),
                        new Column(context.word("reports.column.ratio"), Type.RATIO)),
                rows,
                List.of(3, 4));
    }

    private static @Nullable Double ratio(Contribution c) {
        return c.useOfOthers() == 0 ? null : Math.round(100.0 * c.usedByOthers() / c.useOfOthers()) / 100.0;
    }
}
