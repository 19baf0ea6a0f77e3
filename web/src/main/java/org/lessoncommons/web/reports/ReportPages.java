package org.lessoncommons.web.reports;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reports page: a semester selector, then each report as a chart, a table and export links. */
@Controller
class ReportPages {

    private final Reports reports;
    private final Viewers viewers;

    ReportPages(Reports reports, Viewers viewers) {
        this.reports = reports;
        this.viewers = viewers;
    }

    /** A report with its chart and its cells as text, ready for the template. */
    record Shown(ReportTable table, String chart, List<List<String>> cells) {

        static Shown of(ReportTable table) {
            return new Shown(
                    table,
                    BarChart.svg(table),
                    table.rows().stream()
                            .map(row -> row.cells().stream().map(Cells::text).toList())
                            .toList());
        }
    }

    @GetMapping("/reports")
    String reports(@RequestParam(required = false) @Nullable String semester, Locale locale, Model model) {
        Viewer viewer = viewers.current();
        ReportContext context = reports.context(viewer, semester, locale);
        List<Shown> shown = reports.all(context).stream().map(Shown::of).toList();
        model.addAttribute("semester", ReportApi.SemesterView.of(context.semester(), locale));
        model.addAttribute(
                "semesters",
                reports.choices().stream()
                        .map(s -> ReportApi.SemesterView.of(s, locale))
                        .toList());
        model.addAttribute("reach", context.scope().reach().name());
        model.addAttribute("reports", shown);
        model.addAttribute("mayExportPdf", viewer.isAdmin());
        return "reports";
    }
}
