package org.lessoncommons.web.reports;

import java.time.Instant;
import java.util.Locale;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.context.MessageSource;

/** Who asks for a report, for which semester, in which language. */
public record ReportContext(
        Viewer viewer,
        ReportScope scope,
        Semester semester,
        Locale locale,
        ReportSettings settings,
        MessageSource messages) {

    public Instant from() {
        return semester.from(settings.zone());
    }

    public Instant to() {
        return semester.to(settings.zone());
    }

    public boolean english() {
        return locale.getLanguage().equals("en");
    }

    /** A word from the reports bundle. */
    public String word(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
