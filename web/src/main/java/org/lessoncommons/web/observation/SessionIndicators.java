package org.lessoncommons.web.observation;

import java.util.List;
import org.lessoncommons.storage.School;
import org.lessoncommons.web.reports.ReportContext;
import org.lessoncommons.web.reports.SchoolIndicators;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A school's observation sessions hosted and attended, on its page of the alliance report. */
@Component
@Order(30)
class SessionIndicators implements SchoolIndicators {

    private final SessionsReport sessions;

    SessionIndicators(SessionsReport sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<Indicator> of(School school, ReportContext context) {
        return sessions.between(school.allianceId(), context).stream()
                .filter(line -> line.schoolId().equals(school.id()))
                .findFirst()
                .map(line -> List.of(
                        new Indicator(context.word("observation.report.hosted"), Long.toString(line.hosted())),
                        new Indicator(context.word("observation.report.attended"), Long.toString(line.attended()))))
                .orElse(List.of());
    }
}
