package org.lessoncommons.web.reports;

import org.lessoncommons.storage.usage.UsageScope;
import org.lessoncommons.web.accounts.Viewer;

/** How far a viewer's reports reach, by role: a teacher their own activity, an admin their school or alliance. */
public record ReportScope(Reach reach, UsageScope usage) {

    public enum Reach {
        OWN,
        SCHOOL,
        ALLIANCE,
        ALL
    }

    static ReportScope of(Viewer viewer) {
        return switch (viewer.role()) {
            case TEACHER -> new ReportScope(Reach.OWN, UsageScope.own(viewer.accountId(), viewer.schoolId()));
            case SCHOOL_ADMIN -> new ReportScope(Reach.SCHOOL, UsageScope.school(viewer.schoolId()));
            case ALLIANCE_ADMIN -> new ReportScope(Reach.ALLIANCE, UsageScope.alliance(viewer.allianceId()));
            case SYSTEM_ADMIN -> new ReportScope(Reach.ALL, UsageScope.everything());
        };
    }
}
