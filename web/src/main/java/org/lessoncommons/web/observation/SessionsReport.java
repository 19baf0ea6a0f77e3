package org.lessoncommons.web.observation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.observation.SchoolSessionCount;
import org.lessoncommons.storage.observation.SessionCounts;
import org.lessoncommons.storage.observation.TeacherSessionCount;
import org.lessoncommons.web.reports.ReportContext;
import org.lessoncommons.web.reports.ReportDefinition;
import org.lessoncommons.web.reports.ReportScope.Reach;
import org.lessoncommons.web.reports.ReportTable;
import org.lessoncommons.web.reports.ReportTable.Column;
import org.lessoncommons.web.reports.ReportTable.Row;
import org.lessoncommons.web.reports.ReportTable.Type;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 观摩课 hosted and attended per school in the semester: a school administrator sees their school's
 * line, an alliance administrator every school of the alliance, a system administrator every
 * alliance. A teacher sees their own line: lessons they taught and sessions they sat in on.
 */
@Component
@Order(120)
class SessionsReport implements ReportDefinition {

    private final SessionCounts counts;
    private final Alliances alliances;

    SessionsReport(SessionCounts counts, Alliances alliances) {
        this.counts = counts;
        this.alliances = alliances;
    }

    @Override
    public String id() {
        return "observation-sessions";
    }

    @Override
    public ReportTable compute(ReportContext context) {
        Reach reach = context.scope().reach();
        if (reach == Reach.OWN) {
            TeacherSessionCount own = counts.ofTeacher(context.viewer().accountId(), from(context), to(context));
            List<Row> rows = own.isEmpty()
                    ? List.of()
                    : List.of(new Row(
                            own.accountId().toString(),
                            Arrays.asList(context.viewer().displayName(), own.taught(), own.observed())));
            return table(context, rows);
        }
        List<SchoolSessionCount> lines = new ArrayList<>();
        List<UUID> reached = reach == Reach.ALL
                ? alliances.findAll().stream().map(Alliance::id).toList()
                : List.of(context.viewer().allianceId());
        for (UUID alliance : reached) {
            lines.addAll(between(alliance, context));
        }
        if (reach == Reach.SCHOOL) {
            lines.removeIf(line -> !line.schoolId().equals(context.viewer().schoolId()));
        }
        List<Row> rows = lines.stream()
                .map(line -> new Row(
                        line.schoolId().toString(), Arrays.asList(line.schoolName(), line.hosted(), line.attended())))
                .toList();
        return table(context, rows);
    }

    private ReportTable table(ReportContext context, List<Row> rows) {
        return new ReportTable(
                id(),
                context.word("observation.report.title"),
                List.of(
                        new Column(context.word("reports.column.school"), Type.TEXT),
                        new Column(context.word("observation.hosted"), Type.COUNT),
                        new Column(context.word("observation.attended"), Type.COUNT)),
                rows,
                List.of(1, 2));
    }

    List<SchoolSessionCount> between(UUID alliance, ReportContext context) {
        return counts.between(alliance, from(context), to(context));
    }

    private static LocalDate from(ReportContext context) {
        return LocalDate.ofInstant(context.from(), context.settings().zone());
    }

    private static LocalDate to(ReportContext context) {
        return LocalDate.ofInstant(context.to(), context.settings().zone());
    }
}
