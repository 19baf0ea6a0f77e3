package org.lessoncommons.web.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Every report definition, computed for a viewer and a semester. */
@Component
class Reports {

    private final List<ReportDefinition> definitions;
    private final ReportSettings settings;
    private final MessageSource messages;

    /** Spring hands the definitions over in their {@code @Order}. */
    Reports(List<ReportDefinition> definitions, ReportSettings settings, MessageSource messages) {
        this.definitions = definitions;
        this.settings = settings;
        this.messages = messages;
    }

    ReportContext context(Viewer viewer, @Nullable String semester, Locale locale) {
        return new ReportContext(viewer, ReportScope.of(viewer), semester(semester), locale, settings, messages);
    }

    List<ReportTable> all(ReportContext context) {
        return definitions.stream().map(d -> d.compute(context)).toList();
    }

    ReportTable one(String id, ReportContext context) {
        return definitions.stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new UnknownReport(id))
                .compute(context);
    }

    /** The semesters a viewer can choose from: this one and the five before. */
    List<Semester> choices() {
        return Semester.recent(today(), 6);
    }

    Semester semester(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Semester.of(today());
        }
        return Semester.parse(code)
                .orElseThrow(() -> new InvalidReportParameter("semester", "学期应写作“2026-1”（上学期）或“2026-2”（下学期）：" + code));
    }

    ReportSettings settings() {
        return settings;
    }

    private LocalDate today() {
        return LocalDate.now(settings.zone());
    }
}
